import Foundation

/// Temporary files of this test run: one folder per process, removed when the run ends,
/// so the tests leave no workspaces, sockets or other files behind.
public enum Scratch {
    public static let root: String = {
        let root = NSTemporaryDirectory() + "slate-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "slate-tests-\(getpid())") }
        return root
    }()

    /// A new empty folder under the run's root.
    public static func directory(_ prefix: String) -> String {
        let path = root + "/" + prefix + "-" + UUID().uuidString.prefix(8)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
