import Foundation
import GRDB
import SlateCore

/// One Slate workspace: a single SQLite file in WAL mode, opened through one connection pool.
///
/// New workspaces are created from exactly `schema.sql`; the schema version lives in
/// `PRAGMA user_version`. A newer workspace is refused, an older one is copied aside and
/// migrated in one transaction.
public final class Workspace: Sendable {
    /// The schema version this build writes.
    public static let schemaVersion = 1

    /// A step from schema version `from` to `from + 1`.
    public struct Migration: Sendable {
        public var from: Int
        public var apply: @Sendable (Database) throws -> Void

        public init(from: Int, apply: @escaping @Sendable (Database) throws -> Void) {
            self.from = from
            self.apply = apply
        }
    }

    /// Every migration this build knows; empty while version 1 is the only schema.
    public static let migrations: [Migration] = []

    /// Path of the database file.
    public let path: String
    let pool: DatabasePool
    /// Test hook: sleep this long inside each write transaction, after its writes and
    /// before commit, so crash tests can kill a process mid-command.
    let pauseBeforeCommit: TimeInterval

    private init(path: String, pool: DatabasePool, pauseBeforeCommit: TimeInterval) {
        self.path = path
        self.pool = pool
        self.pauseBeforeCommit = pauseBeforeCommit
    }

    /// Durability of commits: `.normal` survives process crashes (WAL), `.full` also power loss.
    public enum Durability: String, Sendable {
        case normal = "NORMAL"
        case full = "FULL"
    }

    /// Options for opening a workspace.
    public struct Options: Sendable {
        public var durability: Durability = .normal
        public var pauseBeforeCommit: TimeInterval = 0
        public var migrations: [Migration] = Workspace.migrations
        public var targetVersion: Int = Workspace.schemaVersion

        public init() {}
    }

    /// Creates a new workspace file from the schema; refuses to replace an existing file.
    public static func create(at path: String, options: Options = Options()) throws -> Workspace {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SlateError.storage("\(path) already exists; choose another path or remove it first")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o770])
            } catch {
                throw SlateError.storage("cannot create the folder \(directory): \(error.localizedDescription)")
            }
        }
        restrictNewFiles()
        let workspace = try connect(path: path, options: options)
        do {
            try workspace.pool.barrierWriteWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: SchemaSQL.text)
                    try db.execute(sql: "PRAGMA user_version = \(options.targetVersion)")
                    return .commit
                }
            }
        } catch {
            throw SlateError.storage("cannot create the workspace at \(path): \(error)")
        }
        chmod(path, 0o660)
        return workspace
    }

    /// Opens an existing workspace, migrating an older schema; never creates a file.
    public static func open(at path: String, options: Options = Options()) throws -> Workspace {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SlateError.storage("no workspace at \(path); create one with `slate init` or `slate demo`")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SlateError.storage("cannot read \(path) (check its permissions)")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw SlateError.storage("\(path) is not a Slate workspace (not an SQLite database, or damaged); the file was left untouched")
        }
        restrictNewFiles()
        let workspace = try connect(path: path, options: options)
        let version: Int
        let tables: Int
        do {
            (version, tables) = try workspace.pool.read { db in
                (try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'bookings'") ?? 0)
            }
        } catch {
            throw SlateError.storage("\(path) cannot be read as a workspace: \(error)")
        }
        guard version > 0, tables == 1 else {
            throw SlateError.storage("\(path) is an SQLite database but not a Slate workspace")
        }
        if version > options.targetVersion {
            throw SlateError.storage("\(path) was written by a newer Slate (schema \(version); this build knows \(options.targetVersion)); upgrade Slate to open it")
        }
        if version < options.targetVersion {
            try workspace.migrate(from: version, options: options)
        }
        return workspace
    }

    /// Copies the file aside, then applies every step up to the target in one transaction.
    private func migrate(from version: Int, options: Options) throws {
        let backup = "\(path).v\(version).backup"
        do {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            if FileManager.default.fileExists(atPath: backup) { try FileManager.default.removeItem(atPath: backup) }
            try FileManager.default.copyItem(atPath: path, toPath: backup)
        } catch {
            throw SlateError.storage("cannot copy \(path) aside before migrating it: \(error)")
        }
        do {
            try pool.barrierWriteWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for step in version..<options.targetVersion {
                        guard let migration = options.migrations.first(where: { $0.from == step }) else {
                            throw SlateError.storage("no migration from schema \(step) to \(step + 1)")
                        }
                        try migration.apply(db)
                    }
                    try db.execute(sql: "PRAGMA user_version = \(options.targetVersion)")
                    return .commit
                }
            }
        } catch let error as SlateError {
            throw error
        } catch {
            throw SlateError.storage("migrating \(path) failed and was rolled back (a copy is at \(backup)): \(error)")
        }
    }

    private static func connect(path: String, options: Options) throws -> Workspace {
        var config = Configuration()
        config.busyMode = .timeout(15)
        config.foreignKeysEnabled = true
        let durability = options.durability.rawValue
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability); PRAGMA wal_autocheckpoint = 0")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            return Workspace(path: path, pool: pool, pauseBeforeCommit: options.pauseBeforeCommit)
        } catch {
            throw SlateError.storage("cannot open \(path): \(error)")
        }
    }

    /// Workspace files are for the owner and group only.
    private static func restrictNewFiles() {
        umask(0o007)
    }

    /// Moves the write-ahead log into the database file, off the edit path (automatic
    /// checkpoints are disabled so they never run inside a commit).
    public func checkpoint() {
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.passive) }
    }

    /// A read-only view for raw inspection in tests and benchmarks.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// A watcher that tells when the file has been committed to since it last looked.
    public func changeWatcher() throws -> ChangeWatcher {
        try ChangeWatcher(path: path)
    }
}

/// Tells when anyone (another process, or this one) has committed to the workspace.
///
/// `PRAGMA data_version` is per connection, so the watcher keeps its own connection;
/// polling it costs one tiny read.
public final class ChangeWatcher: @unchecked Sendable {
    private let queue: DatabaseQueue
    private var last: Int

    init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            last = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw SlateError.storage("cannot watch \(path) for changes: \(error)")
        }
    }

    /// True when a commit happened since the last call.
    public func changed() -> Bool {
        guard let now = try? queue.read({ db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }) else { return false }
        defer { last = now }
        return now != last
    }
}
