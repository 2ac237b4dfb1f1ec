import GRDB
import SlateCore

// Rows and changes as commands write them: typed, with each table's columns named once,
// here. `CommandContext.insert` and `update` take these and keep the fast audited path.

/// A row a command inserts: its table and its columns.
protocol NewRow {
    static var table: String { get }
    /// Column names and values; bookkeeping columns (id, uid, times, version) are added by the context.
    var columns: [(String, (any DatabaseValueConvertible)?)] { get }
}

/// One column a command changes in a row of `table`.
protocol RowChange {
    static var table: String { get }
    var column: (String, (any DatabaseValueConvertible)?) { get }
}

extension BookingStatus: DatabaseValueConvertible {}
extension ShowStatus: DatabaseValueConvertible {}
extension ScheduleStatus: DatabaseValueConvertible {}
extension TaskStatus: DatabaseValueConvertible {}
extension ResourceKind: DatabaseValueConvertible {}
extension Role: DatabaseValueConvertible {}
extension TalentRole: DatabaseValueConvertible {}
extension MaterialKind: DatabaseValueConvertible {}
extension ShowType: DatabaseValueConvertible {}
extension ShowStandard: DatabaseValueConvertible {}
extension TaskItemType: DatabaseValueConvertible {}
extension TaskInputType: DatabaseValueConvertible {}
extension DependencyKind: DatabaseValueConvertible {}
extension DueAnchor: DatabaseValueConvertible {}

// MARK: people, places, access

struct NewUser: NewRow {
    static let table = "users"
    var login, name: String
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("login", login), ("name", name)] }
}

struct NewWorkspace: NewRow {
    static let table = "workspaces"
    var name, locale, currency, timeZone: String
    var isDemo: Bool
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("name", name), ("locale", locale), ("currency", currency), ("time_zone", timeZone), ("is_demo", isDemo)]
    }
}

struct NewStudio: NewRow {
    static let table = "studios"
    var name, timeZone, openingHours: String
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("name", name), ("time_zone", timeZone), ("opening_hours", openingHours)] }
}

/// A membership of one user on a studio, a client or a platform.
struct NewMembership: NewRow {
    enum Target {
        case studio(Int64), client(Int64), platform(Int64)
    }

    static let table = "memberships"
    var userID: Int64
    var target: Target
    var role: Role

    /// The column naming the target and its id (for the "already a member" lookup too).
    var targetColumn: (name: String, id: Int64) {
        switch target {
        case .studio(let id): ("studio_id", id)
        case .client(let id): ("client_id", id)
        case .platform(let id): ("platform_id", id)
        }
    }

    var columns: [(String, (any DatabaseValueConvertible)?)] {
        let scope = String(targetColumn.name.dropLast(3))
        return [("user_id", userID), ("scope", scope), (targetColumn.name, targetColumn.id), ("role", role)]
    }
}

struct NewResource: NewRow {
    static let table = "resources"
    var studioID: Int64
    var kind: ResourceKind
    var name: String
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("studio_id", studioID), ("kind", kind), ("name", name)] }
}

struct NewTalent: NewRow {
    static let table = "talent"
    var studioID, resourceID: Int64
    var userID: Int64?
    var name, alias: String
    var role: TalentRole
    var styleTags: String
    var rateMinor: Int64
    var languages = ""
    var contact = ""
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("studio_id", studioID), ("resource_id", resourceID), ("user_id", userID), ("name", name), ("alias", alias), ("role", role),
         ("style_tags", styleTags), ("rate_minor", rateMinor), ("languages", languages), ("contact", contact)]
    }
}

enum TalentChange: RowChange {
    static let table = "talent"
    case name(String), alias(String), role(TalentRole), styleTags(String), rateMinor(Int64), banned(Bool), languages(String), contact(String), banReason(String)
    var column: (String, (any DatabaseValueConvertible)?) {
        switch self {
        case .languages(let value): ("languages", value)
        case .contact(let value): ("contact", value)
        case .banReason(let value): ("ban_reason", value)
        case .name(let value): ("name", value)
        case .alias(let value): ("alias", value)
        case .role(let value): ("role", value)
        case .styleTags(let value): ("style_tags", value)
        case .rateMinor(let value): ("rate_minor", value)
        case .banned(let value): ("banned", value)
        }
    }
}

struct NewTalentSkill: NewRow {
    static let table = "talent_skills"
    var talentID: Int64
    var skill: String
    var level = 1
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("talent_id", talentID), ("skill", skill), ("level", level)] }
}

struct NewRoom: NewRow {
    static let table = "rooms"
    var studioID, resourceID: Int64
    var name: String
    var capacity: Int
    var equipmentNotes: String
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("studio_id", studioID), ("resource_id", resourceID), ("name", name), ("capacity", capacity), ("equipment_notes", equipmentNotes)]
    }
}

struct NewEquipment: NewRow {
    static let table = "equipment"
    var studioID, resourceID: Int64
    var name, category, serial: String
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("studio_id", studioID), ("resource_id", resourceID), ("name", name), ("category", category), ("serial", serial)]
    }
}

struct NewTimeOff: NewRow {
    static let table = "time_off"
    var resourceID: Int64
    var interval: Interval
    var hard: Bool
    var reason: String
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("resource_id", resourceID), ("start_at", interval.start), ("end_at", interval.end), ("hard", hard), ("reason", reason)]
    }
}

// MARK: clients and platforms

struct NewClient: NewRow {
    static let table = "clients"
    var name, contact, email: String
    var studioID: Int64
    var tier = "", preferences = "", notes = ""
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("name", name), ("contact", contact), ("email", email), ("studio_id", studioID), ("tier", tier), ("preferences", preferences), ("notes", notes)]
    }
}

struct NewPlatform: NewRow {
    static let table = "platforms"
    var name, url: String
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("name", name), ("url", url)] }
}

struct NewMaterial: NewRow {
    static let table = "materials"
    var clientID: Int64
    var platformID: Int64?
    var kind: MaterialKind
    var title, body: String
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("client_id", clientID), ("platform_id", platformID), ("kind", kind), ("title", title), ("body", body)]
    }
}

struct NewMaterialRevision: NewRow {
    static let table = "material_revisions"
    var materialID: Int64
    var revision: Int
    var title, body: String
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("material_id", materialID), ("revision", revision), ("title", title), ("body", body)] }
}

// MARK: communications, comments, tags, job listings

struct NewCommunication: NewRow {
    static let table = "communications"
    var kind: CommunicationKind
    var clientID, talentID, showID: Int64?
    var authorID: Int64
    var occurredAt: Int64
    var subject, body: String
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("kind", kind.rawValue), ("client_id", clientID), ("talent_id", talentID), ("show_id", showID), ("author_id", authorID), ("occurred_at", occurredAt),
         ("subject", subject), ("body", body)]
    }
}

struct NewComment: NewRow {
    static let table = "comments"
    var recordTable: String
    var recordID: Int64
    var parentID: Int64?
    var authorID: Int64
    var body: String
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("record_table", recordTable), ("record_id", recordID), ("parent_id", parentID), ("author_id", authorID), ("body", body)]
    }
}

struct NewTag: NewRow {
    static let table = "tags"
    var studioID: Int64?
    var name: String
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("studio_id", studioID), ("name", name)] }
}

struct NewTaggable: NewRow {
    static let table = "taggables"
    var tagID: Int64
    var recordTable: String
    var recordID: Int64
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("tag_id", tagID), ("record_table", recordTable), ("record_id", recordID)] }
}

struct NewJobListing: NewRow {
    static let table = "job_listings"
    var projectID: Int64
    var title, skills: String
    var startAt, endAt, rateMinor: Int64
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("project_id", projectID), ("title", title), ("skills", skills), ("start_at", startAt), ("end_at", endAt), ("rate_minor", rateMinor)]
    }
}

// MARK: projects

struct NewProject: NewRow {
    static let table = "projects"
    var studioID: Int64
    var clientID: Int64?
    var name: String
    var startOn: Day?
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("studio_id", studioID), ("client_id", clientID), ("name", name), ("start_on", startOn?.iso)] }
}

/// A phase: fixed when `durationDays` is nil, else auto-scheduled; a milestone has no length.
struct NewPhase: NewRow {
    static let table = "phases"
    var projectID: Int64
    var name: String
    var interval: Interval
    var progress: Int
    var durationDays: Int?
    var milestone: Bool
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("project_id", projectID), ("name", name), ("start_at", interval.start), ("end_at", interval.end), ("progress", progress),
         ("duration_days", durationDays), ("milestone", milestone)]
    }
}

enum PhaseChange: RowChange {
    static let table = "phases"
    case name(String), startAt(Int64), endAt(Int64), progress(Int), durationDays(Int?)
    var column: (String, (any DatabaseValueConvertible)?) {
        switch self {
        case .name(let value): ("name", value)
        case .startAt(let value): ("start_at", value)
        case .endAt(let value): ("end_at", value)
        case .progress(let value): ("progress", value)
        case .durationDays(let value): ("duration_days", value)
        }
    }
}

struct NewDependency: NewRow {
    static let table = "dependencies"
    var predecessorID, successorID: Int64
    var kind: DependencyKind
    var lagDays: Int
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("predecessor_id", predecessorID), ("successor_id", successorID), ("kind", kind), ("lag_days", lagDays)]
    }
}

// MARK: schedules, shows, bookings

struct NewSchedule: NewRow {
    static let table = "schedules"
    var studioID, clientID: Int64
    var name: String
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("studio_id", studioID), ("client_id", clientID), ("name", name)] }
}

enum ScheduleChange: RowChange {
    static let table = "schedules"
    case status(ScheduleStatus)
    var column: (String, (any DatabaseValueConvertible)?) {
        switch self {
        case .status(let value): ("status", value)
        }
    }
}

struct NewShow: NewRow {
    static let table = "shows"
    var studioID, clientID: Int64
    var scheduleID, roomID: Int64?
    var title: String
    var type: ShowType
    var standard: ShowStandard
    var interval: Interval
    var notes: String
    /// The series the show is an occurrence of (rule 14).
    var recurrenceID: Int64? = nil
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("studio_id", studioID), ("client_id", clientID), ("schedule_id", scheduleID), ("room_id", roomID), ("recurrence_id", recurrenceID), ("title", title),
         ("type", type), ("standard", standard), ("start_at", interval.start), ("end_at", interval.end), ("notes", notes)]
    }
}

enum ShowChange: RowChange {
    static let table = "shows"
    case status(ShowStatus), startAt(Int64), endAt(Int64), title(String), type(ShowType), standard(ShowStandard), notes(String), roomID(Int64?)
    var column: (String, (any DatabaseValueConvertible)?) {
        switch self {
        case .status(let value): ("status", value)
        case .title(let value): ("title", value)
        case .type(let value): ("type", value.rawValue)
        case .standard(let value): ("standard", value.rawValue)
        case .notes(let value): ("notes", value)
        case .roomID(let value): ("room_id", value)
        case .startAt(let value): ("start_at", value)
        case .endAt(let value): ("end_at", value)
        }
    }
}

struct NewShowTalent: NewRow {
    static let table = "show_talent"
    var showID, talentID: Int64
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("show_id", showID), ("talent_id", talentID)] }
}

struct NewShowPlatform: NewRow {
    static let table = "show_platforms"
    var showID, platformID: Int64
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("show_id", showID), ("platform_id", platformID)] }
}

struct NewBooking: NewRow {
    static let table = "bookings"
    var resourceID, holderID: Int64
    var showID: Int64?
    var phaseID: Int64? = nil
    var status: BookingStatus
    var interval: Interval
    var placedAt: Int64
    var note: String
    var rank: Int?
    var expiresAt: Int64?
    /// The series the booking is an occurrence of (rule 14).
    var recurrenceID: Int64? = nil
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        var columns: [(String, (any DatabaseValueConvertible)?)] = [
            ("resource_id", resourceID), ("holder_id", holderID), ("show_id", showID), ("phase_id", phaseID), ("status", status), ("start_at", interval.start),
            ("end_at", interval.end), ("placed_at", placedAt), ("note", note),
        ]
        if let recurrenceID { columns.append(("recurrence_id", recurrenceID)) }
        if status == .hold { columns += [("rank", rank), ("expires_at", expiresAt)] }
        return columns
    }
}

enum BookingChange: RowChange {
    static let table = "bookings"
    case status(BookingStatus), rank(Int?), expiresAt(Int64?), challengeDeadline(Int64?), challengedBy(Int64), startAt(Int64), endAt(Int64)
    var column: (String, (any DatabaseValueConvertible)?) {
        switch self {
        case .status(let value): ("status", value)
        case .rank(let value): ("rank", value)
        case .expiresAt(let value): ("expires_at", value)
        case .challengeDeadline(let value): ("challenge_deadline", value)
        case .challengedBy(let value): ("challenged_by", value)
        case .startAt(let value): ("start_at", value)
        case .endAt(let value): ("end_at", value)
        }
    }
}

// MARK: tasks

struct NewTaskTemplate: NewRow {
    static let table = "task_templates"
    var studioID: Int64
    var name: String
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("studio_id", studioID), ("name", name)] }
}

enum TemplateChange: RowChange {
    static let table = "task_templates"
    case name(String), active(Bool)
    var column: (String, (any DatabaseValueConvertible)?) {
        switch self {
        case .name(let value): ("name", value)
        case .active(let value): ("active", value)
        }
    }
}

enum TemplateItemChange: RowChange {
    static let table = "task_template_items"
    case title(String), itemType(TaskItemType), inputType(TaskInputType), required(Bool), dueOffset(Int64), dueFrom(DueAnchor), defaultAssignee(String)
    var column: (String, (any DatabaseValueConvertible)?) {
        switch self {
        case .title(let value): ("title", value)
        case .itemType(let value): ("item_type", value)
        case .inputType(let value): ("input_type", value)
        case .required(let value): ("required", value)
        case .dueOffset(let value): ("due_offset_seconds", value)
        case .dueFrom(let value): ("due_from", value)
        case .defaultAssignee(let value): ("default_assignee", value)
        }
    }
}

struct NewTaskTemplateItem: NewRow {
    static let table = "task_template_items"
    var templateID: Int64
    var sortOrder: Int
    var title: String
    var itemType: TaskItemType
    var inputType: TaskInputType
    var required: Bool
    var dueOffsetSeconds: Int64
    var dueFrom: DueAnchor
    var defaultAssignee: String
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("template_id", templateID), ("sort_order", sortOrder), ("title", title), ("item_type", itemType), ("input_type", inputType),
         ("required", required), ("due_offset_seconds", dueOffsetSeconds), ("due_from", dueFrom), ("default_assignee", defaultAssignee)]
    }
}

struct NewTask: NewRow {
    static let table = "tasks"
    var showID: Int64
    var templateItemID, showTalentID, showPlatformID: Int64?
    var title: String
    var itemType: TaskItemType
    var inputType: TaskInputType
    var required: Bool
    var dueAt: Int64?
    var assigneeID: Int64?
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("show_id", showID), ("template_item_id", templateItemID), ("show_talent_id", showTalentID), ("show_platform_id", showPlatformID),
         ("title", title), ("item_type", itemType), ("input_type", inputType), ("required", required), ("due_at", dueAt),
         ("assignee_id", assigneeID), ("status", assigneeID == nil ? TaskStatus.pending : .assigned)]
    }
}

enum TaskChange: RowChange {
    static let table = "tasks"
    case status(TaskStatus), value(String), doneAt(Int64?), doneBy(Int64?), assigneeID(Int64?), blockedReason(String), dueAt(Int64)
    var column: (String, (any DatabaseValueConvertible)?) {
        switch self {
        case .dueAt(let value): ("due_at", value)
        case .status(let value): ("status", value)
        case .value(let value): ("value", value)
        case .doneAt(let value): ("done_at", value)
        case .doneBy(let value): ("done_by", value)
        case .assigneeID(let value): ("assignee_id", value)
        case .blockedReason(let value): ("blocked_reason", value)
        }
    }
}

// MARK: rows commands read

/// A show as commands read it.
struct ShowRecord {
    var id: Int64
    var uid: String
    var studioID, clientID: Int64
    var scheduleID, roomID: Int64?
    var title: String
    var status: ShowStatus
    var interval: Interval

    /// "show 'Acme live' (sh-...)", for messages.
    var label: String { "show '\(title)' (\(uid))" }

    /// The one decoding site: a row of `SELECT * FROM shows`.
    init(_ row: Row) {
        id = row["id"]
        uid = row["uid"]
        studioID = row["studio_id"]
        clientID = row["client_id"]
        scheduleID = row["schedule_id"]
        roomID = row["room_id"]
        title = row["title"]
        status = ShowStatus(rawValue: row["status"]) ?? .cancelled
        interval = Interval(start: row["start_at"], end: row["end_at"])
    }
}

/// A schedule as commands read it.
struct ScheduleRecord {
    var id: Int64
    var uid: String
    var studioID, clientID: Int64
    var name: String
    var status: ScheduleStatus

    /// The one decoding site: a row of `SELECT * FROM schedules`.
    init(_ row: Row) {
        id = row["id"]
        uid = row["uid"]
        studioID = row["studio_id"]
        clientID = row["client_id"]
        name = row["name"]
        status = ScheduleStatus(rawValue: row["status"]) ?? .cancelled
    }
}

/// A client as commands read it.
struct ClientRecord {
    var id: Int64
    var uid, name: String
    /// The studio the client belongs to (nil only before schema 2 assigned one).
    var studioID: Int64?

    /// The one decoding site: a row of `SELECT * FROM clients`.
    init(_ row: Row) {
        id = row["id"]
        uid = row["uid"]
        name = row["name"]
        studioID = row["studio_id"]
    }
}

/// Talent as commands read it.
struct TalentRecord {
    var id: Int64
    var uid, name: String
    var studioID, resourceID: Int64

    /// The one decoding site: a row of `SELECT * FROM talent`.
    init(_ row: Row) {
        id = row["id"]
        uid = row["uid"]
        name = row["name"]
        studioID = row["studio_id"]
        resourceID = row["resource_id"]
    }
}

/// A task as commands read it.
struct TaskRecord {
    var id: Int64
    var uid, title: String
    var showID: Int64
    var showTalentID, assigneeID: Int64?
    var inputType: TaskInputType
    var status: TaskStatus
    var version: Int

    /// The one decoding site: a row of `SELECT * FROM tasks`.
    init(_ row: Row) {
        id = row["id"]
        uid = row["uid"]
        title = row["title"]
        showID = row["show_id"]
        showTalentID = row["show_talent_id"]
        assigneeID = row["assignee_id"]
        inputType = TaskInputType(rawValue: row["input_type"]) ?? .text
        status = TaskStatus(rawValue: row["status"]) ?? .pending
        version = row["version"]
    }
}

extension Lookup {
    /// A visible live client by public id or unique name.
    func client(ref: String) throws -> ClientRecord { ClientRecord(try row("clients", ref: ref, what: "client")) }

    /// Visible live talent by public id or unique name.
    func talent(ref: String) throws -> TalentRecord { TalentRecord(try row("talent", ref: ref, what: "talent")) }

    /// A visible live task by public id.
    func task(uid: String) throws -> TaskRecord { TaskRecord(try row("tasks", uid: uid, what: "task")) }

    /// The row id of a visible live record by public id or unique name (for filters).
    func id(_ table: String, ref: String, what: String) throws -> Int64 { try row(table, ref: ref, what: what)["id"] }

    /// A visible live show by public id.
    func show(uid: String) throws -> ShowRecord { ShowRecord(try row("shows", uid: uid, what: "show")) }

    /// A visible live schedule by public id.
    func schedule(uid: String) throws -> ScheduleRecord { ScheduleRecord(try row("schedules", uid: uid, what: "schedule")) }
}

extension CommandContext {
    /// A show by row id, as it is now inside this command.
    func show(id: Int64) throws -> ShowRecord { ShowRecord(try snapshot("shows", id: id)) }
}
