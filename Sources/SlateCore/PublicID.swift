/// Short, stable public ids such as `bk-7f3k2a` that users type and scripts keep.
///
/// The suffix is a bijective scramble of the row id over six base-36 digits, so ids never
/// collide (up to 2.1 billion rows a table) and do not reveal counts at a glance.
public enum PublicID {
    private static let space: Int64 = 2_176_782_336 // 36^6
    private static let multiplier: Int64 = 1_234_567_891 // coprime with 36^6
    private static let offset: Int64 = 918_273_645
    private static let digits = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8) + Array("iluo".utf8)

    /// The public id of row `id` with a table's prefix.
    public static func make(prefix: String, id: Int64) -> String {
        let salt = prefix.utf8.reduce(Int64(0)) { ($0 * 131 + Int64($1)) % space }
        let value = ((id % space) * multiplier % space + offset + salt * 7919) % space
        // Written in place: a schedule's confirmation names thousands of rows.
        let length = prefix.utf8.count + 7
        return String(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            for byte in prefix.utf8 {
                buffer[index] = byte
                index += 1
            }
            buffer[index] = UInt8(ascii: "-")
            var rest = value
            for position in stride(from: length - 1, to: index, by: -1) {
                buffer[position] = digits[Int(rest % 36)]
                rest /= 36
            }
            return length
        }
    }

    /// The prefix used for each table's ids.
    public static func prefix(forTable table: String) -> String {
        prefixes[table] ?? String(table.prefix(2))
    }

    /// The table a public id belongs to, by its prefix.
    public static func table(ofUID uid: String) -> String? {
        guard let dash = uid.firstIndex(of: "-") else { return nil }
        let prefix = String(uid[..<dash])
        return prefixes.first { $0.value == prefix }?.key
    }

    /// Every table that has public ids.
    public static var tables: Set<String> { Set(prefixes.keys) }

    private static let prefixes: [String: String] = [
        "workspaces": "ws", "users": "us", "studios": "st", "clients": "cl", "platforms": "pf",
        "memberships": "mb", "resources": "rs", "rooms": "rm", "talent": "tl", "talent_skills": "tsk", "equipment": "eq",
        "time_off": "off", "materials": "mt", "material_revisions": "mrv", "recurrences": "rc", "projects": "pj", "phases": "ph",
        "dependencies": "dp", "schedules": "sc", "shows": "sh", "show_talent": "stl",
        "show_platforms": "spf", "show_equipment": "seq", "show_materials": "smt", "bookings": "bk", "task_templates": "tt",
        "task_template_items": "ti", "tasks": "tk", "comments": "cm", "tags": "tg", "taggables": "tgb",
        "communications": "co", "invoices": "iv", "invoice_items": "ii", "job_listings": "jb",
        "commands": "cmd", "audits": "au",
    ]
}
