import Foundation
import GRDB
import SlateCore

/// One Slate workspace: a single SQLite file in WAL mode, opened through one connection.
///
/// One connection, not a pool: every front end runs its reads and writes one after another
/// on one thread, and other processes still read while one writes (WAL). A pool opened a
/// connection for writing and another for reading, each parsing the whole schema, which
/// was most of the time a one-command `slate` process spent in the database (DESIGN §7).
///
/// New workspaces are created from exactly `schema.sql`; the schema version lives in
/// `PRAGMA user_version`. A newer workspace is refused, an older one is copied aside and
/// migrated in one transaction.
public final class Workspace: Sendable {
    /// The schema version this build writes.
    public static let schemaVersion = 6

    /// `PRAGMA application_id` of a Slate workspace ("Slat"): a file that carries another
    /// application's id is never opened for writing.
    public static let applicationID: Int32 = 0x536C_6174

    /// A step from schema version `from` to `from + 1`.
    public struct Migration: Sendable {
        public var from: Int
        public var apply: @Sendable (Database) throws -> Void

        public init(from: Int, apply: @escaping @Sendable (Database) throws -> Void) {
            self.from = from
            self.apply = apply
        }
    }

    /// Every migration this build knows.
    public static let migrations: [Migration] = [
        Migration(from: 1, apply: SchemaTwo.migrate),
        Migration(from: 2, apply: SchemaThree.migrate),
        Migration(from: 3, apply: SchemaFour.migrate),
        Migration(from: 4, apply: SchemaFive.migrate),
        Migration(from: 5, apply: SchemaSix.migrate),
    ]

    /// Path of the database file.
    public let path: String
    let database: DatabaseQueue
    /// True when the file was opened for viewing only (it is not writable).
    public let readOnly: Bool
    /// Test hook: sleep this long inside each write transaction, after its writes and
    /// before commit, so crash tests can kill a process mid-command.
    let pauseBeforeCommit: TimeInterval

    private let exitFoldPages: Int

    private init(path: String, database: DatabaseQueue, readOnly: Bool, pauseBeforeCommit: TimeInterval, exitFoldPages: Int) {
        self.exitFoldPages = exitFoldPages
        self.path = path
        self.database = database
        self.readOnly = readOnly
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
        /// Pages of write-ahead log past which the commit that crosses them folds the log
        /// into the file (64 MB; see DECISIONS).
        public var checkpointPages: Int = 16_000
        /// Pages of write-ahead log a process leaves unfolded when it exits (see
        /// `foldLogOnExit`): about ten booking commands.
        public var exitFoldPages: Int = 128
        public var migrations: [Migration] = Workspace.migrations
        public var targetVersion: Int = Workspace.schemaVersion
        /// The schema a new workspace is created from (tests give a broken one).
        public var schema: String = SchemaSQL.text

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
        do {
            let workspace = try connect(path: path, options: options, readOnly: false)
            try workspace.setUpForWriting()
            try workspace.write { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: options.schema)
                    try db.execute(sql: "PRAGMA user_version = \(options.targetVersion); PRAGMA application_id = \(applicationID)")
                    return .commit
                }
            }
            chmod(path, 0o660)
            return workspace
        } catch {
            // A workspace that could not be made whole (disk full, no permission) leaves no file.
            removeFiles(at: path)
            if let error = error as? SlateError { throw error }
            throw SlateError.storage("cannot create the workspace at \(path): \(error)")
        }
    }

    /// Removes a workspace file and its WAL companions.
    static func removeFiles(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// What a read-only look at a file says about it, before anything opens it for writing.
    private struct Inspection {
        var version: Int
        var applicationID: Int32
        var isSlate: Bool
    }

    /// Reads the schema version, application id and tables before anything can change the
    /// file: the connection is fresh, and its journal mode is switched to WAL only once the
    /// file is known to be a Slate workspace, so a foreign file keeps every byte.
    private func inspect() throws -> Inspection {
        do {
            return try database.read { db in
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                return Inspection(version: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                                  applicationID: Int32(truncatingIfNeeded: try Int64.fetchOne(db, sql: "PRAGMA application_id") ?? 0),
                                  isSlate: tables.isSuperset(of: ["workspaces", "bookings", "resources", "commands", "audits"]))
            }
        } catch {
            throw SlateError.storage("\(path) cannot be read as a workspace (\(error)); the file was left untouched")
        }
    }

    /// True when this process may write the file and its folder (a file without any write
    /// permission bit counts as read-only even for root).
    private static func isWritable(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        let mode = ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? 0
        return access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0 && mode & 0o222 != 0
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
        // Everything below is decided before a byte can change: a foreign, newer or
        // read-only file is refused or opened for viewing as it is.
        let writable = isWritable(path)
        restrictNewFiles()
        let workspace = try connect(path: path, options: options, readOnly: !writable)
        let found = try workspace.inspect()
        let refusal: String? = if !(found.applicationID == applicationID || found.applicationID == 0) || !found.isSlate || found.version <= 0 {
            "\(path) is an SQLite database but not a Slate workspace; the file was left untouched"
        } else if found.version > options.targetVersion {
            "\(path) was written by a newer Slate (schema \(found.version); this build knows \(options.targetVersion)); upgrade Slate to open it"
        } else if !writable, found.version < options.targetVersion {
            "\(path) is read-only and from an older Slate (schema \(found.version)); it must be writable once to be migrated"
        } else {
            nil
        }
        if let refusal {
            try? workspace.database.close()
            throw SlateError.storage(refusal)
        }
        if writable { try workspace.setUpForWriting() }
        if found.version < options.targetVersion {
            try workspace.migrate(from: found.version, options: options)
        }
        return workspace
    }

    /// Copies the file aside, then applies every step up to the target in one transaction.
    private func migrate(from version: Int, options: Options) throws {
        let backup = "\(path).v\(version).backup"
        do {
            try database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            if FileManager.default.fileExists(atPath: backup) { try FileManager.default.removeItem(atPath: backup) }
            try FileManager.default.copyItem(atPath: path, toPath: backup)
        } catch {
            throw SlateError.storage("cannot copy \(path) aside before migrating it: \(error)")
        }
        do {
            try write { db in
                // Tables are rebuilt with their references pointing at them by name, so
                // foreign keys are off during the transaction and checked before commit.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                try db.inTransaction(.immediate) {
                    for step in version..<options.targetVersion {
                        guard let migration = options.migrations.first(where: { $0.from == step }) else {
                            throw SlateError.storage("no migration from schema \(step) to \(step + 1)")
                        }
                        try migration.apply(db)
                    }
                    if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                        throw SlateError.storage("migrating left a broken reference in \(broken[0] as String? ?? "a table")")
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

    private static func connect(path: String, options: Options, readOnly: Bool) throws -> Workspace {
        var config = Configuration()
        config.busyMode = .timeout(15)
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        config.prepareDatabase { db in
            // Bulk writes name their audit rows in SQL (`CommandContext.insertAll`).
            db.add(function: DatabaseFunction("slate_public_id", argumentCount: 2, pure: true) { values in
                guard let prefix = String.fromDatabaseValue(values[0]), let id = Int64.fromDatabaseValue(values[1]) else { return nil }
                return PublicID.make(prefix: prefix, id: id)
            })
            // Search compares text with case and accents folded.
            db.add(function: DatabaseFunction("slate_fold", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(SearchText.fold)
            })
        }
        if !readOnly {
            let durability = options.durability.rawValue
            let pages = max(1, options.checkpointPages)
            config.prepareDatabase { db in
                // Statement journals (a multi-row insert that a trigger may abort keeps the
                // pages it changes until it ends) stay in memory: SQLite's default spills
                // them past 64 KiB to a temporary file, a tenth of a 1,000-show confirmation.
                try db.execute(sql: "PRAGMA synchronous = \(durability); PRAGMA wal_autocheckpoint = \(pages); PRAGMA temp_store = MEMORY")
            }
        }
        do {
            return Workspace(path: path, database: try DatabaseQueue(path: path, configuration: config), readOnly: readOnly, pauseBeforeCommit: options.pauseBeforeCommit,
                             exitFoldPages: options.exitFoldPages)
        } catch {
            throw SlateError.storage("cannot open \(path): \(error)")
        }
    }

    /// Pages kept cached while rows are written, in KiB: at a million bookings the indexes a
    /// schedule confirmation writes do not fit in SQLite's default 2 MiB, and each insert
    /// then rereads pages. Between writes the connection keeps the default, so a long
    /// session's memory stays what its reads need (DESIGN §7: under 40 MB).
    private static let writingCacheKiB = 16_384
    /// SQLite's default, kept between writes.
    static let readingCacheKiB = 2_000

    /// Runs `body` holding the write lock (it opens its own transactions) with the page cache
    /// of writing. Every write of rows goes through here: commands, set-up, import, migration.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try database.writeWithoutTransaction { db in
            try db.cachedStatement(sql: "PRAGMA cache_size = -\(Self.writingCacheKiB)").execute()
            defer { try? db.cachedStatement(sql: "PRAGMA cache_size = -\(Self.readingCacheKiB)").execute() }
            return try body(db)
        }
    }

    /// WAL mode (a no-op on a workspace already in it).
    private func setUpForWriting() throws {
        let wal: Bool
        do {
            wal = try database.writeWithoutTransaction { db in
                try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() == "wal"
                    || String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")?.lowercased() == "wal"
            }
        } catch {
            throw SlateError.storage("cannot open \(path): \(error)")
        }
        guard wal else {
            throw SlateError.storage("\(path) cannot use a write-ahead log (is its folder on a network file system?)")
        }
    }

    /// Workspace files are for the owner and group only.
    private static func restrictNewFiles() {
        umask(0o007)
    }

    /// Moves the write-ahead log into the database file now, off the edit path: a session
    /// at rest, a process about to exit. Only a long run of commands without a pause
    /// reaches `Options.checkpointPages`, where a commit folds the log itself.
    public func checkpoint() {
        guard !readOnly else { return }
        _ = try? database.writeWithoutTransaction { db in try db.checkpoint(.passive) }
    }

    /// At a process's exit: folds the log only when it holds more than
    /// `Options.exitFoldPages` pages, and says whether the connection may then close. A
    /// small log is left for the next process to read back (as after `kill -9`, which every
    /// commit survives): folding it, or closing the last connection, which folds it too,
    /// waits on two `fsync`s, and the next process starts a new log with two more. The log stays
    /// bounded: the process that finds it past the limit folds it and closes, and SQLite
    /// then removes it unless another connection is open.
    public func foldLogOnExit() -> Bool {
        guard !readOnly else { return true }
        guard (unfoldedLogPages() ?? Int.max) > exitFoldPages else { return false }
        checkpoint()
        return true
    }

    /// Pages of the log not yet folded into the file, from the WAL-index header SQLite
    /// keeps at the start of the `-shm` file (its documented format, in the machine's byte
    /// order): the last valid frame (`mxFrame`, byte 16) less those a checkpoint has
    /// already copied back (`nBackfill`, byte 96). Nil when there is no such header.
    func unfoldedLogPages() -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path + "-shm") else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 100), header.count == 100 else { return nil }
        let (last, copied) = header.withUnsafeBytes { ($0.loadUnaligned(fromByteOffset: 16, as: UInt32.self), $0.loadUnaligned(fromByteOffset: 96, as: UInt32.self)) }
        return Int(last >= copied ? last - copied : last)
    }

    /// Copies the workspace to a new file at `destination` while others keep writing: SQLite's
    /// online backup reads one consistent snapshot. The copy is written beside its final
    /// name, checked with `integrity_check`, then renamed into place, so `destination`
    /// is either a whole workspace or absent.
    func backup(to destination: String) throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw SlateError.storage("\(destination) already exists; give a new file name")
        }
        let partial = destination + ".partial-\(getpid())"
        Workspace.removeFiles(at: partial)
        do {
            let copy = try DatabaseQueue(path: partial)
            try database.backup(to: copy)
            let check = try copy.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
            guard check == "ok" else { throw SlateError.storage("the copy failed its integrity check (\(check ?? "no answer"))") }
            chmod(partial, 0o660)
            guard rename(partial, destination) == 0 else { throw SlateError.storage("cannot move the copy to \(destination): \(String(cString: strerror(errno)))") }
        } catch {
            Workspace.removeFiles(at: partial)
            if let error = error as? SlateError { throw error }
            throw SlateError.storage("cannot back up to \(destination): \(error)")
        }
    }

    /// A read-only view for raw inspection in tests and benchmarks.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try database.read(body)
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
