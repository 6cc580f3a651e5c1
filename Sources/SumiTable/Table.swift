/// Tables: streaming CSV/TSV reading and writing (`CSV/`) and column classification
/// (`Classification/`).
public enum SumiTable {}
