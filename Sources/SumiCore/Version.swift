public enum SumiVersion {
    public static let current = "0.1.0"
}
