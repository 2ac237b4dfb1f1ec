import SlateCore
import SlateStore

/// Which resources the grid shows.
public struct GridFilter: Equatable, Sendable {
    public var kind: ResourceKind?
    public var studio: String?
    public var skill: String?
    public var tag: String?
    public var search = ""

    public init(kind: ResourceKind? = nil, studio: String? = nil, skill: String? = nil, tag: String? = nil, search: String = "") {
        self.kind = kind
        self.studio = studio
        self.skill = skill
        self.tag = tag
        self.search = search
    }

    func admits(_ resource: GridResource) -> Bool {
        if let kind, resource.kind != kind { return false }
        if let studio, resource.studioUID != studio, !resource.studioName.lowercased().contains(studio.lowercased()) { return false }
        if let skill, !resource.skills.lowercased().split(separator: ",").contains(Substring(skill.lowercased())) { return false }
        if let tag, !resource.tags.lowercased().split(separator: ",").contains(Substring(tag.lowercased())) { return false }
        if !search.isEmpty, !resource.name.lowercased().contains(search.lowercased()) { return false }
        return true
    }

    /// A short description for the header ("rooms · skill beauty").
    var summary: String {
        var parts: [String] = []
        if let kind { parts.append(kind.rawValue) }
        if let studio { parts.append("studio \(studio)") }
        if let skill { parts.append("skill \(skill)") }
        if let tag { parts.append("tag \(tag)") }
        if !search.isEmpty { parts.append("“\(search)”") }
        return parts.isEmpty ? "all resources" : parts.joined(separator: " · ")
    }
}

/// What one grid cell holds.
enum CellContent: Equatable {
    /// `hold` is drawn where a hold's span starts (its rank), `holdContinued` over the rest
    /// of the span, so a 1st hold over two columns never reads `11`.
    case free, outsideHours, timeOff(hard: Bool), draft, hold(rank: Int), holdContinued, confirmed

    var role: StyleRole {
        switch self {
        case .free: .free
        case .outsideHours: .outsideHours
        case .timeOff: .timeOff
        case .draft: .draft
        case .hold, .holdContinued: .hold
        case .confirmed: .confirmed
        }
    }

    func glyph(unicode: Bool) -> String {
        switch self {
        case .free: " "
        case .outsideHours: unicode ? "·" : "."
        case .timeOff(let hard): hard ? (unicode ? "×" : "x") : "~"
        case .draft: unicode ? "░" : ":"
        case .hold(let rank): rank <= 9 ? String(rank) : "+"
        case .holdContinued: unicode ? "─" : "-"
        case .confirmed: unicode ? "█" : "#"
        }
    }
}

/// Everything under one cell, for the detail pane and the keys that act on it.
struct CellStack {
    var bookings: [BookingView] = []
    var drafts: [GridDraft] = []
    var timeOff: [GridTimeOff] = []

    /// The bookings in the order the pane lists them and `]` cycles: confirmed first,
    /// then holds by rank.
    var ordered: [BookingView] {
        bookings.sorted { ($0.status == .confirmed ? 0 : $0.rank ?? 99, $0.start, $0.uid) < ($1.status == .confirmed ? 0 : $1.rank ?? 99, $1.start, $1.uid) }
    }


    /// The part of a row's stack that overlaps `span` (one cell).
    func stack(in span: Interval) -> CellStack {
        CellStack(bookings: bookings.filter { Interval(start: $0.start, end: $0.end).overlaps(span) },
                  drafts: drafts.isEmpty ? [] : drafts.filter { $0.interval.overlaps(span) },
                  timeOff: timeOff.isEmpty ? [] : timeOff.filter { $0.interval.overlaps(span) })
    }

    /// What the cell shows: a confirmed booking over holds, the best hold's rank (or its
    /// continuation when the hold drawn in the previous column, `continuing`, goes on),
    /// then a draft, time off, or closed hours. The one place a cell's content is decided.
    func content(closed: Bool, continuing: String? = nil) -> CellContent {
        if bookings.contains(where: { $0.status == .confirmed }) { return .confirmed }
        if let top = topHold { return top.uid == continuing ? .holdContinued : .hold(rank: top.rank ?? 1) }
        if !drafts.isEmpty { return .draft }
        if let period = timeOff.first { return .timeOff(hard: period.hard) }
        return closed ? .outsideHours : .free
    }

    var topHold: BookingView? {
        bookings.filter { $0.status == .hold }.min { ($0.rank ?? 99, $0.uid) < ($1.rank ?? 99, $1.uid) }
    }
}
