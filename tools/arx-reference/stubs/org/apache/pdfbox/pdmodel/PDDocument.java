package org.apache.pdfbox.pdmodel;
// Compile-only stub (pdfbox-app jar absent from snapshot); certificate export unused.
public class PDDocument {
  public static PDDocument load(java.io.File f) throws java.io.IOException { throw new UnsupportedOperationException(); }
  public static PDDocument load(java.io.InputStream f) throws java.io.IOException { throw new UnsupportedOperationException(); }
  public void save(java.io.OutputStream o) throws java.io.IOException {}
  public void save(java.io.File o) throws java.io.IOException {}
  public void close() throws java.io.IOException {}
}
