import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's size and modification time, taken when it is opened and again once it has been
/// read: a file written to meanwhile (a log still growing, a document being saved) gave us a
/// mix of old and new bytes, so its findings or redacted copy cannot be trusted.
public struct FileSnapshot: Equatable, Sendable {
    public var size: Int
    public var modified: timespec

    public static func == (a: FileSnapshot, b: FileSnapshot) -> Bool {
        a.size == b.size && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
    }

    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        size = Int(st.st_size)
        modified = st.st_mtim
    }

    /// The reason given for a file that changed while being read.
    public static let changedReason = "changed while being read"

    /// Called after a file has been read and before it is checked again; tests set it to change
    /// the file at exactly that moment.
    nonisolated(unsafe) public static var afterReadHook: ((String) -> Void)? = nil

    /// Whether the file at `path` still has this size and modification time.
    public func isUnchanged(path: String) -> Bool {
        FileSnapshot.afterReadHook?(path)
        return FileSnapshot(path: path) == self
    }
}

/// A file that changed between being opened and being read to the end.
public struct FileChangedError: Error, CustomStringConvertible {
    public init() {}
    public var description: String { FileSnapshot.changedReason }
}
