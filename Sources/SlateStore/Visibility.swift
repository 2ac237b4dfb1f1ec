import SlateCore

/// The one visibility filter (DESIGN §4), derived from the access policy as SQL: every
/// lookup by id and every listing adds it, so a record the caller may not see answers
/// exactly like an unknown id.
struct Visibility {
    let policy: AccessPolicy

    private var studios: String { Session.ids(policy.studioIDs) }
    private var clients: String { Session.ids(policy.clientIDs) }
    private var talent: String { Session.ids(policy.actor.talentIDs) }

    /// Clients a studio works with: those it added, and those it has schedules, shows or
    /// projects for. Their contact details and materials are that studio's to see.
    var clientsOfMyStudios: String {
        """
        SELECT id FROM clients WHERE studio_id IN (\(studios))
        UNION SELECT client_id FROM schedules WHERE studio_id IN (\(studios))
        UNION SELECT client_id FROM shows WHERE studio_id IN (\(studios))
        UNION SELECT client_id FROM projects WHERE studio_id IN (\(studios)) AND client_id IS NOT NULL
        """
    }

    /// A condition on the columns of `table` (prefixed by `alias.` when given) that holds
    /// for the rows the caller may see; "1" for tables every member may read.
    func predicate(_ table: String, alias: String? = nil) -> String {
        let c = alias.map { "\($0)." } ?? ""
        switch table {
        case "studios":
            return "\(c)id IN (\(studios))"
        case "rooms", "equipment", "resources", "task_templates":
            return "\(c)studio_id IN (\(studios))"
        case "talent":
            return "(\(c)studio_id IN (\(studios)) OR \(c)id IN (\(talent)))"
        case "invoices":
            // A client's members see its invoices once issued, never a draft.
            return "(\(c)studio_id IN (\(studios)) OR (\(c)client_id IN (\(clients)) AND \(c)status != 'draft'))"
        case "schedules", "shows", "projects":
            return "(\(c)studio_id IN (\(studios)) OR \(c)client_id IN (\(clients)))"
        case "clients":
            return "(\(c)id IN (\(clients)) OR \(c)id IN (\(clientsOfMyStudios)))"
        case "materials":
            return "(\(c)client_id IN (\(clients)) OR \(c)client_id IN (\(clientsOfMyStudios)))"
        case "phases":
            return "\(c)project_id IN (SELECT id FROM projects WHERE \(predicate("projects")))"
        case "tasks":
            // Unary + keeps these terms off the indexes: listings find their rows by due time,
            // show or assignee, and a multi-index OR over every show of a studio is slower.
            return "(+\(c)show_id IN (SELECT id FROM shows WHERE studio_id IN (\(studios))) OR +\(c)assignee_id = \(policy.actor.userID)"
                + " OR +\(c)show_talent_id IN (SELECT id FROM show_talent WHERE talent_id IN (\(talent))))"
        case "bookings", "time_off":
            return "(\(c)resource_id IN (SELECT id FROM resources WHERE studio_id IN (\(studios))) OR \(c)resource_id IN (SELECT resource_id FROM talent WHERE id IN (\(talent))))"
        case "platforms":
            // A workspace-wide catalogue for studio staff; platform members see their own.
            return policy.studioIDs.isEmpty ? "\(c)id IN (\(Session.ids(policy.platformIDs)))" : "1"
        case "communications":
            // A client's members see their client's communications and those of its shows.
            return "(\(c)client_id IN (SELECT id FROM clients WHERE \(predicate("clients"))) OR \(c)talent_id IN (SELECT id FROM talent WHERE \(predicate("talent")))"
                + " OR \(c)show_id IN (SELECT id FROM shows WHERE \(predicate("shows"))))"
        case "comments", "taggables":
            return recordVisible(table: "\(c)record_table", id: "\(c)record_id")
        case "tags":
            return "(\(c)studio_id IS NULL OR \(c)studio_id IN (\(studios)))"
        case "job_listings":
            return "\(c)project_id IN (SELECT id FROM projects WHERE \(predicate("projects")))"
        case "material_revisions":
            return "\(c)material_id IN (SELECT id FROM materials WHERE \(predicate("materials")))"
        case "commands":
            return "(\(c)user_id = \(policy.actor.userID) OR \(c)studio_id IN (\(studios)))"
        default:
            return "1"
        }
    }

    /// Tables whose records carry comments and tags.
    static let recordTables = ["resources", "studios", "shows", "bookings", "schedules", "phases", "tasks", "clients", "projects", "materials", "platforms", "invoices"]

    /// A condition that holds when the record a comment or tag is on is visible.
    func recordVisible(table: String, id: String) -> String {
        "(" + Self.recordTables.map { "(\(table) = '\($0)' AND \(id) IN (SELECT id FROM \($0) WHERE \(predicate($0))))" }.joined(separator: " OR ") + ")"
    }
}
