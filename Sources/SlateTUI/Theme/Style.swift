/// What a cell means; the theme decides how that looks. Screens choose roles, never colours.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal, dim, header, topBar, tabActive, tabInactive, statusBar, statusError, statusWarning, statusOK
    case confirmed, hold, draft, timeOff, outsideHours, free, cursor, selection, pane, paneTitle, prompt, overlay, overlayTitle, keyHint
    case bar, barDone, critical, milestone, today

    /// One letter per role for attribute dumps in golden files.
    public var code: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .header: "h"
        case .topBar: "T"
        case .tabActive: "A"
        case .tabInactive: "a"
        case .statusBar: "s"
        case .statusError: "E"
        case .statusWarning: "W"
        case .statusOK: "K"
        case .confirmed: "C"
        case .hold: "H"
        case .draft: "D"
        case .timeOff: "O"
        case .outsideHours: "o"
        case .free: "f"
        case .cursor: "@"
        case .selection: "S"
        case .pane: "p"
        case .paneTitle: "P"
        case .prompt: ">"
        case .overlay: "v"
        case .overlayTitle: "V"
        case .keyHint: "k"
        case .bar: "b"
        case .barDone: "B"
        case .critical: "!"
        case .milestone: "m"
        case .today: "t"
        }
    }
}
