import Foundation
import GRDB
import SlateCore

/// A record that comments and tags attach to, found by its public id.
struct RecordRef {
    var table: String
    var id: Int64
    var uid: String
    var label: String
    /// The studio it belongs to, when it has one.
    var studioID: Int64?
}

extension Lookup {
    /// The public id of row `id` of `table` ("" when there is none).
    func uid(of table: String, id: Int64) throws -> String {
        try String.fetchOne(db, sql: "SELECT uid FROM \(table) WHERE id = ?", arguments: [id]) ?? ""
    }

    /// A visible record by public id: a resource (room, talent, equipment), show, booking,
    /// schedule, phase, task, client, project, material, platform or invoice.
    func record(uid: String) throws -> RecordRef {
        guard var table = PublicID.table(ofUID: uid) else { throw SlateError.notFound("no record with id '\(TextInput.printable(uid))'") }
        if ["rooms", "talent", "equipment"].contains(table) { table = "resources" }
        guard Visibility.recordTables.contains(table) else {
            throw SlateError.invalidInput("'\(TextInput.printable(uid))' is not a record that takes comments or tags")
        }
        let row = try row(table, uid: uid, what: "record")
        let label: String = switch table {
        case "shows", "tasks", "materials": row["title"]
        case "bookings": try String.fetchOne(db, sql: "SELECT name FROM resources WHERE id = ?", arguments: [row["resource_id"]]).map { "booking of \($0)" } ?? uid
        case "invoices": "invoice \(row["number"] as Int64)"
        default: row["name"]
        }
        var studio: Int64? = row.hasColumn("studio_id") ? row["studio_id"] : nil
        if studio == nil, table == "bookings" { studio = try Int64.fetchOne(db, sql: "SELECT studio_id FROM resources WHERE id = ?", arguments: [row["resource_id"]]) }
        if studio == nil, table == "tasks" { studio = try Int64.fetchOne(db, sql: "SELECT studio_id FROM shows WHERE id = ?", arguments: [row["show_id"]]) }
        if studio == nil, table == "phases" { studio = try Int64.fetchOne(db, sql: "SELECT studio_id FROM projects WHERE id = ?", arguments: [row["project_id"]]) }
        return RecordRef(table: table, id: row["id"], uid: uid, label: label, studioID: studio)
    }
}

/// A kind of communication.
public enum CommunicationKind: String, CaseIterable, Sendable, Codable {
    case call, note, email, message
}

/// An entry of the communications log.
public struct CommunicationEntry: ReadModel, Equatable {
    public var uid: String
    public var kind: CommunicationKind
    public var occurredAt: Timestamp
    public var author, subject, body: String
    /// The record it is about (a client, talent or show), to jump to.
    public var recordUID: String
    public var recordName: String

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("kind", .text(kind.rawValue)), ("at", .time(occurredAt)), ("author", .text(author)), ("about", .text(recordName)),
                 ("about_uid", .text(recordUID)), ("subject", .text(subject)), ("body", .text(body))])
    }
}

/// A comment, with its depth in the thread.
public struct CommentEntry: ReadModel, Equatable {
    public var uid: String
    public var parentUID: String?
    public var depth: Int
    public var author: String
    public var at: Timestamp
    public var body: String
    public var edited: Bool
    public var mentions: [String]
    public var recordUID: String
    public var version: Int

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("parent", .text(parentUID)), ("depth", .int(Int64(depth))), ("author", .text(author)), ("at", .time(at)),
                 ("body", .text(body)), ("edited", .bool(edited)), ("mentions", .text(mentions.joined(separator: ","))), ("record", .text(recordUID)),
                 ("version", .int(Int64(version)))])
    }
}

/// A tag and how many records carry it.
public struct TagSummary: ReadModel, Equatable {
    public var uid, name: String
    /// The studio's name, or nil for a workspace-wide tag.
    public var studio: String?
    public var records: Int

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("name", .text(name)), ("studio", .text(studio ?? "(all)")), ("records", .int(Int64(records)))])
    }
}

/// A record found by `search` or carrying a tag.
public struct SearchHit: ReadModel, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case talent, client, room, equipment, platform, show, communication, comment
    }
    public var kind: Kind
    public var uid: String
    public var title: String
    public var detail: String
    /// The record to open: the hit itself, or what a communication or comment is about.
    public var target: String

    public var listing: Listing {
        Listing([("kind", .text(kind.rawValue)), ("uid", .text(uid)), ("title", .text(title)), ("detail", .text(detail)), ("target", .text(target))])
    }
}

extension Session {
    // MARK: communications

    /// Logs a call, note, email or message about a client, talent or show (whoever may see it).
    public func logCommunication(about ref: String, kind: CommunicationKind, subject: String, body: String = "", at: When? = nil) throws -> Outcome<String> {
        try perform("comms add") { context in
            let (column, id, name, studioID) = try Self.communicationTarget(context, ref)
            if let studioID, context.policy.role(inStudio: studioID) == nil, context.policy.clientIDs.isEmpty {
                throw SlateError.accessDenied("\(context.actor.login) may not log communications about \(name)")
            }
            let subject = try TextInput.line(subject, field: "subject", limit: 500)
            let body = try TextInput.note(body, field: "body")
            guard !(subject + body).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw SlateError.invalidInput("give a subject or a body") }
            let zone = try studioID.map { try context.studio(id: $0).zone } ?? LocalTime(timeZone: context.settings.zone)
            let occurred = try at?.resolve(in: zone) ?? context.now
            let row = try context.insert(NewCommunication(kind: kind, clientID: column == "client_id" ? id : nil, talentID: column == "talent_id" ? id : nil,
                                                          showID: column == "show_id" ? id : nil, authorID: context.actor.userID, occurredAt: occurred, subject: subject, body: body))
            context.summary = "log \(kind.rawValue) about \(name)"
            return row.uid
        }
    }

    /// What a communication is about: its column, row id, name and studio.
    static func communicationTarget(_ lookup: some Lookup, _ ref: String) throws -> (column: String, id: Int64, name: String, studio: Int64?) {
        switch PublicID.table(ofUID: ref) {
        case "shows":
            let show = try lookup.row("shows", uid: ref, what: "show")
            return ("show_id", show["id"], show["title"], show["studio_id"])
        case "talent":
            let talent = try lookup.talent(ref: ref)
            return ("talent_id", talent.id, talent.name, talent.studioID)
        case "clients":
            let client = try lookup.client(ref: ref)
            return ("client_id", client.id, client.name, client.studioID)
        default:
            // A name: a client first, then talent.
            if let client = try? lookup.client(ref: ref) { return ("client_id", client.id, client.name, client.studioID) }
            if let talent = try? lookup.talent(ref: ref) { return ("talent_id", talent.id, talent.name, talent.studioID) }
            throw SlateError.notFound("no client, talent or show with id or name '\(TextInput.printable(ref))'")
        }
    }

    static let communicationSQL = """
        SELECT c.uid, c.kind, c.occurred_at, u.login AS author, c.subject, c.body,
               coalesce(cl.uid, t.uid, s.uid) AS record_uid, coalesce(cl.name, t.name, s.title) AS record_name
        FROM communications c JOIN users u ON u.id = c.author_id
        LEFT JOIN clients cl ON cl.id = c.client_id LEFT JOIN talent t ON t.id = c.talent_id LEFT JOIN shows s ON s.id = c.show_id
        """

    static func communication(_ row: Row, _ format: ReadFormat) -> CommunicationEntry {
        CommunicationEntry(uid: row["uid"], kind: CommunicationKind(rawValue: row["kind"]) ?? .note, occurredAt: format.time(row["occurred_at"] as Int64),
                           author: row["author"], subject: row["subject"], body: row["body"], recordUID: row["record_uid"] ?? "", recordName: row["record_name"] ?? "")
    }

    /// The communications about a client, talent or show (newest first), or every visible one.
    public func communications(about ref: String? = nil, limit: Int = 100) throws -> [CommunicationEntry] {
        try read { reader in
            var sql = Self.communicationSQL + " WHERE c.deleted_at IS NULL AND \(reader.visibility.predicate("communications", alias: "c"))"
            var arguments: [any DatabaseValueConvertible] = []
            if let ref {
                let target = try Self.communicationTarget(reader, ref)
                sql += " AND c.\(target.column) = ?"
                arguments.append(target.id)
            }
            return try reader.fetch(sql + " ORDER BY c.occurred_at DESC, c.id DESC LIMIT \(max(1, limit))", StatementArguments(arguments), Self.communication)
        }
    }

    /// Communications whose subject or body hold every word (full-text, accents and case
    /// folded, `word*` a prefix), newest first.
    public func searchCommunications(_ text: String, limit: Int = 50) throws -> [CommunicationEntry] {
        guard let query = SearchText.ftsQuery(text) else { throw SlateError.invalidInput("give a word to search for") }
        return try read { reader in
            try reader.fetch(Self.communicationSQL + """
                 WHERE c.id IN (SELECT rowid FROM communications_fts WHERE communications_fts MATCH ?)
                   AND c.deleted_at IS NULL AND \(reader.visibility.predicate("communications", alias: "c"))
                 ORDER BY c.id DESC LIMIT \(max(1, limit))
                """, [query], Self.communication)
        }
    }

    // MARK: comments

    /// Comments on a record, or a reply to one; `@login` mentions a user.
    public func addComment(on ref: String, body: String, replyTo parent: String? = nil) throws -> Outcome<String> {
        try perform("comment add") { context in
            let parentRow = try parent.map { try context.row("comments", uid: $0, what: "comment") }
            let record = try parentRow.map { row -> RecordRef in
                let table: String = row["record_table"]
                return try context.record(uid: context.uid(of: table, id: row["record_id"]))
            } ?? context.record(uid: ref)
            let body = try TextInput.note(body, field: "comment")
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw SlateError.invalidInput("the comment is empty") }
            try Self.checkMentions(context, body)
            // Whoever may see the record may comment (a client member on their client's); the
            // log shows the command to the record's studio.
            if let studio = record.studioID, context.policy.role(inStudio: studio) != nil {
                let info = try context.studio(id: studio)
                try context.require(.member, studio: info.id, studioName: info.name, to: "comment")
            }
            let row = try context.insert(NewComment(recordTable: record.table, recordID: record.id, parentID: parentRow?["id"], authorID: context.actor.userID, body: body))
            context.summary = "comment on \(record.label)"
            return row.uid
        }
    }

    /// Changes one's own comment; stale edits are refused.
    public func editComment(_ uid: String, body: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("comment edit") { context in
            let row = try context.row("comments", uid: uid, what: "comment")
            guard (row["author_id"] as Int64) == context.actor.userID else {
                throw SlateError.accessDenied("\(context.actor.login) may only edit their own comments")
            }
            let body = try TextInput.note(body, field: "comment")
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw SlateError.invalidInput("the comment is empty") }
            try Self.checkMentions(context, body)
            try context.updateColumns("comments", id: row["id"], [("body", body)], expectedVersion: expectedVersion)
            context.summary = "edit comment \(uid)"
            return uid
        }
    }

    /// Removes one's own comment (its replies stay, under "removed").
    public func deleteComment(_ uid: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("comment delete") { context in
            let row = try context.row("comments", uid: uid, what: "comment")
            guard (row["author_id"] as Int64) == context.actor.userID else {
                throw SlateError.accessDenied("\(context.actor.login) may only delete their own comments")
            }
            try context.softDelete("comments", id: row["id"], expectedVersion: expectedVersion)
            context.summary = "delete comment \(uid)"
            return uid
        }
    }

    /// Mentions must name users of the workspace.
    static func checkMentions(_ context: CommandContext, _ body: String) throws {
        for login in mentions(in: body) where try Int.fetchOne(context.db, sql: "SELECT count(*) FROM users WHERE login = ? AND deleted_at IS NULL", arguments: [login]) == 0 {
            throw SlateError.invalidInput("@\(TextInput.printable(login)) is not a user of this workspace")
        }
    }

    /// The logins `@name` mentions in a text.
    static func mentions(in body: String) -> [String] {
        var found: [String] = []
        var rest = Substring(body)
        while let at = rest.firstIndex(of: "@") {
            let before = at > body.startIndex ? body[body.index(before: at)] : " "
            let name = rest[rest.index(after: at)...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
            let login = String(name.hasSuffix(".") ? name.dropLast() : name)
            if !login.isEmpty, !(before.isLetter || before.isNumber), !found.contains(login) { found.append(login) }
            rest = rest[rest.index(after: at)...]
        }
        return found
    }

    /// The comments on a record as threads: each reply under its parent, oldest first.
    public func comments(on ref: String) throws -> [CommentEntry] {
        try read { reader in
            let record = try reader.record(uid: ref)
            let rows = try reader.fetch("""
                SELECT c.id, c.uid, c.parent_id, p.uid AS parent_uid, u.login AS author, c.created_at, c.body, c.version, c.deleted_at
                FROM comments c JOIN users u ON u.id = c.author_id LEFT JOIN comments p ON p.id = c.parent_id
                WHERE c.record_table = ? AND c.record_id = ? ORDER BY c.id
                """, [record.table, record.id]) { row, format in
                (id: row["id"] as Int64, parent: row["parent_id"] as Int64?, deleted: (row["deleted_at"] as Int64?) != nil,
                 entry: CommentEntry(uid: row["uid"], parentUID: row["parent_uid"], depth: 0, author: row["author"], at: format.time(row["created_at"] as Int64),
                                     body: row["body"], edited: (row["version"] as Int) > 1, mentions: Self.mentions(in: row["body"]), recordUID: record.uid, version: row["version"]))
            }
            var children: [Int64?: [Int]] = [:]
            for (index, row) in rows.enumerated() { children[row.parent, default: []].append(index) }
            var result: [CommentEntry] = []
            func walk(_ parent: Int64?, depth: Int) {
                for index in children[parent] ?? [] {
                    let row = rows[index]
                    var entry = row.entry
                    entry.depth = depth
                    if row.deleted {
                        // A removed comment with replies keeps its place in the thread.
                        guard children[row.id] != nil else { continue }
                        entry.body = "(removed)"
                        entry.mentions = []
                    }
                    result.append(entry)
                    walk(row.id, depth: depth + 1)
                }
            }
            walk(nil, depth: 0)
            return result
        }
    }

    /// Comments that mention the user, newest first.
    public func mentions(limit: Int = 50) throws -> [CommentEntry] {
        try read { reader in
            let login = reader.actor.login
            return try reader.fetch("""
                SELECT c.uid, p.uid AS parent_uid, u.login AS author, c.created_at, c.body, c.version, c.record_table, c.record_id
                FROM comments c JOIN users u ON u.id = c.author_id LEFT JOIN comments p ON p.id = c.parent_id
                WHERE c.deleted_at IS NULL AND instr(c.body, '@' || ?) > 0 AND \(reader.visibility.predicate("comments", alias: "c"))
                ORDER BY c.id DESC LIMIT \(max(1, limit))
                """, [login]) { row, format in
                let table: String = row["record_table"]
                let record = try reader.uid(of: table, id: row["record_id"])
                return CommentEntry(uid: row["uid"], parentUID: row["parent_uid"], depth: 0, author: row["author"], at: format.time(row["created_at"] as Int64),
                                    body: row["body"], edited: (row["version"] as Int) > 1, mentions: Self.mentions(in: row["body"]), recordUID: record, version: row["version"])
            }.filter { $0.mentions.contains(login) }
        }
    }

    // MARK: tags

    /// Puts tags on a record; a tag is made the first time it is used, for the studio
    /// named (or the record's studio), or for the whole workspace with `global`.
    public func tag(_ ref: String, _ names: [String], global: Bool = false) throws -> Outcome<[String]> {
        try perform("tag") { context in
            let record = try context.record(uid: ref)
            var added: [String] = []
            for name in try Self.tagNames(names) {
                let studio = global ? nil : record.studioID
                if let studio {
                    let info = try context.studio(id: studio)
                    try context.require(.member, studio: info.id, studioName: info.name, to: "tag \(record.label)")
                } else {
                    try context.policy.requireAnyStudio(.manager, to: "use workspace-wide tags")
                }
                let tagID = try Int64.fetchOne(context.db, sql: "SELECT id FROM tags WHERE ifnull(studio_id, 0) = ? AND name = ? COLLATE NOCASE AND deleted_at IS NULL",
                                               arguments: [studio ?? 0, name])
                    ?? context.insert(NewTag(studioID: studio, name: name)).id
                let present = try Int.fetchOne(context.db, sql: "SELECT count(*) FROM taggables WHERE tag_id = ? AND record_table = ? AND record_id = ? AND deleted_at IS NULL",
                                               arguments: [tagID, record.table, record.id]) ?? 0
                if present == 0 {
                    try context.insert(NewTaggable(tagID: tagID, recordTable: record.table, recordID: record.id))
                    added.append(name)
                }
            }
            context.summary = "tag \(record.label) " + added.joined(separator: ", ")
            return added
        }
    }

    /// Takes tags off a record.
    public func untag(_ ref: String, _ names: [String]) throws -> Outcome<[String]> {
        try perform("untag") { context in
            let record = try context.record(uid: ref)
            if let studio = record.studioID {
                let info = try context.studio(id: studio)
                try context.require(.member, studio: info.id, studioName: info.name, to: "untag \(record.label)")
            }
            var removed: [String] = []
            for name in try Self.tagNames(names) {
                let rows = try Row.fetchAll(context.db, sql: """
                    SELECT x.id FROM taggables x JOIN tags g ON g.id = x.tag_id
                    WHERE x.record_table = ? AND x.record_id = ? AND g.name = ? COLLATE NOCASE AND x.deleted_at IS NULL
                    """, arguments: [record.table, record.id, name])
                guard !rows.isEmpty else { throw SlateError.notFound("\(record.label) has no tag '\(TextInput.printable(name))'") }
                for row in rows { try context.softDelete("taggables", id: row["id"]) }
                removed.append(name)
            }
            context.summary = "untag \(record.label) " + removed.joined(separator: ", ")
            return removed
        }
    }

    static func tagNames(_ names: [String]) throws -> [String] {
        let cleaned = try list(names, field: "tag").split(separator: ",").map(String.init)
        guard !cleaned.isEmpty else { throw SlateError.invalidInput("give at least one tag") }
        return cleaned
    }

    /// Tags the user may see, with how many visible records carry each; or those of one record.
    public func tags(on ref: String? = nil) throws -> [TagSummary] {
        try read { reader in
            var sql = """
                SELECT g.uid, g.name, s.name AS studio, count(x.id) AS records FROM tags g LEFT JOIN studios s ON s.id = g.studio_id
                JOIN taggables x ON x.tag_id = g.id AND x.deleted_at IS NULL AND \(reader.visibility.predicate("taggables", alias: "x"))
                WHERE g.deleted_at IS NULL AND \(reader.visibility.predicate("tags", alias: "g"))
                """
            var arguments: [any DatabaseValueConvertible] = []
            if let ref {
                let record = try reader.record(uid: ref)
                sql += " AND x.record_table = ? AND x.record_id = ?"
                arguments += [record.table, record.id]
            }
            return try reader.fetch(sql + " GROUP BY g.id ORDER BY g.name COLLATE NOCASE", StatementArguments(arguments)) { row, _ in
                TagSummary(uid: row["uid"], name: row["name"], studio: row["studio"], records: row["records"])
            }
        }
    }

    /// The tag names on each visible record of a table, by row id (listings and filters).
    static func tagsByRecord(_ reader: Reader, table: String) throws -> [Int64: [String]] {
        var result: [Int64: [String]] = [:]
        for row in try Row.fetchAll(reader.db, sql: """
            SELECT x.record_id, g.name FROM taggables x JOIN tags g ON g.id = x.tag_id
            WHERE x.record_table = ? AND x.deleted_at IS NULL AND g.deleted_at IS NULL AND \(reader.visibility.predicate("tags", alias: "g"))
            ORDER BY g.name COLLATE NOCASE
            """, arguments: [table]) {
            result[row[0], default: []].append(row[1])
        }
        return result
    }

    /// The visible records carrying a tag.
    public func tagged(_ name: String) throws -> [SearchHit] {
        try read { reader in
            var hits: [SearchHit] = []
            for row in try Row.fetchAll(reader.db, sql: """
                SELECT x.record_table, x.record_id FROM taggables x JOIN tags g ON g.id = x.tag_id
                WHERE g.name = ? COLLATE NOCASE AND g.deleted_at IS NULL AND x.deleted_at IS NULL
                  AND \(reader.visibility.predicate("tags", alias: "g")) AND \(reader.visibility.predicate("taggables", alias: "x"))
                ORDER BY x.record_table, x.record_id
                """, arguments: [name]) {
                let table: String = row[0]
                let uid = try reader.uid(of: table, id: row[1])
                guard let record = try? reader.record(uid: uid) else { continue }
                let kind: SearchHit.Kind = switch PublicID.table(ofUID: uid) {
                case "talent": .talent
                case "rooms": .room
                case "equipment": .equipment
                case "clients": .client
                case "platforms": .platform
                default: .show
                }
                hits.append(SearchHit(kind: kind, uid: uid, title: record.label, detail: kind == .show && table != "shows" ? table : "", target: uid))
            }
            return hits
        }
    }

    // MARK: search

    /// Searches names (talent, clients, rooms, equipment, platforms, shows), communications
    /// and comments at once; results grouped by kind, names first. Case and accents folded.
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        let needle = SearchText.fold(text.trimmingCharacters(in: .whitespaces))
        guard !needle.isEmpty else { throw SlateError.invalidInput("give something to search for") }
        var hits = try read { reader -> [SearchHit] in
            var hits: [SearchHit] = []
            let named: [(SearchHit.Kind, String)] = [
                (.talent, "SELECT t.uid, t.name, t.alias || ' ' || t.role AS detail FROM talent t WHERE t.deleted_at IS NULL AND \(reader.visibility.predicate("talent", alias: "t")) AND (instr(slate_fold(t.name), ?1) > 0 OR instr(slate_fold(t.alias), ?1) > 0)"),
                (.client, "SELECT c.uid, c.name, c.tier AS detail FROM clients c WHERE c.deleted_at IS NULL AND \(reader.visibility.predicate("clients", alias: "c")) AND instr(slate_fold(c.name), ?1) > 0"),
                (.room, "SELECT r.uid, r.name, '' AS detail FROM rooms r WHERE r.deleted_at IS NULL AND \(reader.visibility.predicate("rooms", alias: "r")) AND instr(slate_fold(r.name), ?1) > 0"),
                (.equipment, "SELECT e.uid, e.name, e.category AS detail FROM equipment e WHERE e.deleted_at IS NULL AND \(reader.visibility.predicate("equipment", alias: "e")) AND instr(slate_fold(e.name), ?1) > 0"),
                (.platform, "SELECT p.uid, p.name, p.url AS detail FROM platforms p WHERE p.deleted_at IS NULL AND \(reader.visibility.predicate("platforms", alias: "p")) AND instr(slate_fold(p.name), ?1) > 0"),
                (.show, "SELECT s.uid, s.title AS name, s.status AS detail FROM shows s WHERE s.deleted_at IS NULL AND \(reader.visibility.predicate("shows", alias: "s")) AND instr(slate_fold(s.title), ?1) > 0"),
            ]
            for (kind, sql) in named {
                hits += try Row.fetchAll(reader.db, sql: sql + " ORDER BY 2 COLLATE NOCASE LIMIT \(limit)", arguments: [needle]).map {
                    SearchHit(kind: kind, uid: $0["uid"], title: $0["name"], detail: $0["detail"], target: $0["uid"])
                }
            }
            hits += try Row.fetchAll(reader.db, sql: """
                SELECT c.uid, c.body, c.record_table, c.record_id, u.login FROM comments c JOIN users u ON u.id = c.author_id
                WHERE c.deleted_at IS NULL AND instr(slate_fold(c.body), ?) > 0 AND \(reader.visibility.predicate("comments", alias: "c")) ORDER BY c.id DESC LIMIT \(limit)
                """, arguments: [needle]).map { row in
                let table: String = row["record_table"]
                let target = try reader.uid(of: table, id: row["record_id"])
                return SearchHit(kind: .comment, uid: row["uid"], title: row["body"], detail: "by \(row["login"] as String) on \(target)", target: target)
            }
            return hits
        }
        if SearchText.ftsQuery(text) != nil {
            let comms = try searchCommunications(text, limit: limit).map {
                SearchHit(kind: .communication, uid: $0.uid, title: $0.subject.isEmpty ? $0.body : $0.subject, detail: "\($0.kind.rawValue) about \($0.recordName), \($0.occurredAt.shown)",
                          target: $0.recordUID)
            }
            hits.insert(contentsOf: comms, at: hits.firstIndex { $0.kind == .comment } ?? hits.endIndex)
        }
        return hits
    }
}
