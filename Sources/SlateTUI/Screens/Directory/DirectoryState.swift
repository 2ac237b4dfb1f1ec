import SlateCore
import SlateStore

/// The directory's lists, one tab each.
public enum DirectoryTab: Int, CaseIterable, Sendable {
    case talent, clients, rooms, equipment, platforms, studios, materials, jobs

    var title: String {
        switch self {
        case .talent: "Talent"
        case .clients: "Clients"
        case .rooms: "Rooms"
        case .equipment: "Equipment"
        case .platforms: "Platforms"
        case .studios: "Studios"
        case .materials: "Materials"
        case .jobs: "Jobs"
        }
    }

    /// Columns: title, least width, and whether it takes a share of spare width.
    var columns: [(title: String, width: Int, grows: Bool)] {
        switch self {
        case .talent: [("Name", 16, true), ("Role", 8, false), ("Skills", 18, true), ("Languages", 10, true), ("Rate", 11, false), ("★", 3, false), ("Studio", 12, true), ("Tags", 8, true)]
        case .clients: [("Name", 18, true), ("Tier", 8, false), ("Contact", 14, true), ("Email", 16, true), ("Studio", 12, true), ("Tags", 8, true)]
        case .rooms: [("Name", 18, true), ("Capacity", 8, false), ("Studio", 16, true), ("Notes", 16, true), ("Tags", 8, true)]
        case .equipment: [("Name", 18, true), ("Category", 12, true), ("Serial", 12, false), ("Studio", 16, true), ("Tags", 8, true)]
        case .platforms: [("Name", 18, true), ("URL", 30, true), ("Tags", 8, true)]
        case .studios: [("Name", 18, true), ("Time zone", 16, false), ("Opening hours", 24, true), ("Tags", 8, true)]
        case .materials: [("Title", 20, true), ("Client", 16, true), ("Kind", 8, false), ("Rev", 3, false), ("Platform", 12, true)]
        case .jobs: [("Title", 18, true), ("Project", 14, true), ("Skills", 14, true), ("When", 23, false), ("Rate", 10, false), ("Status", 6, false), ("Talent", 12, true)]
        }
    }
}

/// A row of the directory's table: its record, cells, and what sorting and filtering read.
public struct DirectoryRow: Equatable, Sendable {
    public var uid: String
    public var cells: [String]
    /// Columns that do not sort as their text (amounts, ratings, dates), padded to sort.
    public var keys: [Int: String]
    public var tags: [String]

    /// The text that sorts a column: its key, else the cell folded.
    func key(_ column: Int) -> String { keys[column] ?? (cells.indices.contains(column) ? SearchText.fold(cells[column]) : "") }

    /// Every cell, case and accents folded, for `/`.
    var folded: String { ([uid] + cells).map(SearchText.fold).joined(separator: " ") }
}

/// What the directory shows over its table: a record's card, search results or matches.
public enum DirectoryPanel: Equatable, Sendable {
    case card(RecordCard, scroll: Int)
    case results(DirectoryResults)
}

/// A list of search hits or talent matches, with a cursor.
public struct DirectoryResults: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        case heading(String)
        case hit(SearchHit)
        case match(TalentMatchRow)
    }
    public var title: String
    public var items: [Item]
    public var list = ListState()
    /// The window matched, for booking from the results.
    public var window: Interval?
    /// The slot length asked, for booking from the results.
    public var slotLength: Int64?
    /// The job listing matched, when the results fill it.
    public var job: String?

    public init(title: String, items: [Item], window: Interval? = nil, slotLength: Int64? = nil, job: String? = nil) {
        self.title = title
        self.slotLength = slotLength
        self.items = items
        self.window = window
        self.job = job
        if let first = items.firstIndex(where: { if case .heading = $0 { false } else { true } }) { list.selected = first }
    }

    public var cursor: Item? { items.indices.contains(list.selected) ? items[list.selected] : nil }
}

/// The directory (view 5): talent, clients, rooms, equipment, platforms, materials and jobs.
public struct DirectoryState: Equatable, Sendable {
    public var directory: Directory? { didSet { base = directory.map { Self.rows(tab, $0) } ?? []; rebuild() } }
    public var tab: DirectoryTab = .talent {
        didSet {
            guard tab != oldValue else { return }
            sortColumn = 0
            descending = false
            list = ListState()
            base = directory.map { Self.rows(tab, $0) } ?? []
            rebuild()
        }
    }
    /// Every row of the open list, before the filter and the order (made once per load).
    private var base: [DirectoryRow] = [] { didSet { folded = [] } }
    /// The rows of `base` folded for `/`, made the first time a filter is typed.
    private var folded: [String] = []
    /// The live filter (`/`): rows holding it, case and accents folded.
    public var filter = "" { didSet { rebuild() } }
    /// `:filter tag=…`.
    public var tag: String? { didSet { rebuild() } }
    public var sortColumn = 0 { didSet { rebuild() } }
    public var descending = false { didSet { rebuild() } }
    public var list = ListState()
    public var rows: Int
    public private(set) var table: [DirectoryRow] = []
    public var panel: DirectoryPanel?
    /// Results a card was opened from: `Esc` on the card goes back to them, `b` books at the match's slot.
    public var openedFrom: DirectoryResults?
    public var form: DirectoryForm?
    /// A record to open once the lists arrive (a search hit of another tab).
    public var focus: String?

    public var loaded: Bool { directory != nil }

    public init(rows: Int) {
        self.rows = rows
    }

    /// Rows of the table in view (below its header line).
    var tableRows: Int { max(1, rows - 1) }

    /// The record whose card is open.
    public var cardUID: String? {
        if case .card(let card, _)? = panel { return card.uid }
        return nil
    }

    public var cursorRow: DirectoryRow? { table.indices.contains(list.selected) ? table[list.selected] : nil }

    /// Puts the cursor on a record, switching tab when it lives on another; false when absent.
    @discardableResult
    public mutating func select(_ uid: String) -> Bool {
        if let tab = DirectoryState.tab(of: uid), tab != self.tab { self.tab = tab }
        if let index = table.firstIndex(where: { $0.uid == uid }) {
            list.selected = index
            list.clamp(count: table.count, visible: tableRows)
            return true
        }
        if !filter.isEmpty || tag != nil {
            filter = ""
            tag = nil
            return select(uid)
        }
        return false
    }

    /// The tab a record id belongs to.
    static func tab(of uid: String) -> DirectoryTab? {
        switch PublicID.table(ofUID: uid) {
        case "talent": .talent
        case "clients": .clients
        case "rooms": .rooms
        case "equipment": .equipment
        case "platforms": .platforms
        case "studios": .studios
        case "materials": .materials
        case "job_listings": .jobs
        default: nil
        }
    }

    private mutating func rebuild() {
        let key = cursorRow?.uid
        var rows = base
        let needle = SearchText.fold(filter.trimmingWhitespace())
        if !needle.isEmpty {
            if folded.count != base.count { folded = base.map(\.folded) }
            rows = zip(base, folded).filter { $0.1.contains(needle) }.map(\.0)
        }
        if let tag, !tag.isEmpty { rows = rows.filter { $0.tags.contains { $0.lowercased() == tag.lowercased() } } }
        // Each row's key worked out once, then the positions sorted (the name, then the id,
        // breaks ties) and the rows taken in that order once.
        let column = sortColumn
        let descending = descending
        let keys = rows.map { $0.key(column) }
        let names = column == 0 ? keys : rows.map { $0.key(0) }
        let order = rows.indices.sorted { a, b in
            if keys[a] != keys[b] { return descending ? keys[a] > keys[b] : keys[a] < keys[b] }
            if names[a] != names[b] { return names[a] < names[b] }
            return rows[a].uid < rows[b].uid
        }
        rows = order.map { rows[$0] }
        table = rows
        if let key, let index = rows.firstIndex(where: { $0.uid == key }) { list.selected = index }
        list.clamp(count: rows.count, visible: tableRows)
    }

    /// How many records a list holds.
    static func count(_ tab: DirectoryTab, _ directory: Directory) -> Int {
        switch tab {
        case .talent: directory.talent.count
        case .clients: directory.clients.count
        case .rooms: directory.rooms.count
        case .equipment: directory.equipment.count
        case .platforms: directory.platforms.count
        case .studios: directory.studios.count
        case .materials: directory.materials.count
        case .jobs: directory.jobs.count
        }
    }

    static func rows(_ tab: DirectoryTab, _ directory: Directory) -> [DirectoryRow] {
        func row(_ uid: String, _ cells: [String], keys: [Int: String] = [:]) -> DirectoryRow {
            let tags = directory.tags[uid] ?? []
            var cells = cells
            if tab.columns.last?.title == "Tags" { cells.append(tags.joined(separator: ",")) }
            return DirectoryRow(uid: uid, cells: cells, keys: keys, tags: tags)
        }
        func amount(_ money: MoneyValue) -> String { String(repeating: "0", count: max(0, 16 - String(money.minor).count)) + String(money.minor) }
        // Rates repeat: each amount is written once.
        var written: [Int64: (text: String, key: String)] = [:]
        func money(_ value: MoneyValue) -> (text: String, key: String) {
            if let known = written[value.minor] { return known }
            let made = (value.text, amount(value))
            written[value.minor] = made
            return made
        }
        func rating(_ value: Double?) -> (text: String, key: String) {
            guard let value else { return ("", "") }
            let text = RatingText.of(value)
            return (text, (value < 9.95 ? "0" : "") + text)
        }
        switch tab {
        case .talent:
            return directory.talent.map {
                let rate = money($0.rateMinor), stars = rating($0.rating)
                return row($0.uid, [$0.name + ($0.banned ? " ⊘" : ""), $0.role.rawValue, $0.skills.joined(separator: ","), $0.languages.joined(separator: ","), rate.text,
                                    stars.text, $0.studio], keys: [4: rate.key, 5: stars.key])
            }
        case .clients:
            return directory.clients.map { row($0.uid, [$0.name, $0.tier, $0.contact, $0.email, $0.studio]) }
        case .rooms:
            return directory.rooms.map { row($0.uid, [$0.name, String($0.capacity), $0.studio, $0.equipmentNotes], keys: [1: String(format: "%08d", $0.capacity)]) }
        case .equipment:
            return directory.equipment.map { row($0.uid, [$0.name, $0.category, $0.serial, $0.studio]) }
        case .platforms:
            return directory.platforms.map { row($0.uid, [$0.name, $0.url]) }
        case .studios:
            return directory.studios.map { row($0.uid, [$0.name, $0.timeZone, $0.openingHours.isEmpty ? "always open" : $0.openingHours]) }
        case .materials:
            return directory.materials.map { row($0.uid, [$0.title, $0.client, $0.kind.rawValue, String($0.revision), $0.platform ?? ""]) }
        case .jobs:
            return directory.jobs.map {
                row($0.uid, [$0.title, $0.project, $0.skills.joined(separator: ","),
                             $0.startAt.shown + (directory.zonesInPlay ? " " + LocalTime.placeName($0.timeZone) : ""), $0.rate.text, $0.status, $0.talent ?? ""],
                    keys: [3: $0.startAt.local, 4: amount($0.rate)])
            }
        }
    }
}
