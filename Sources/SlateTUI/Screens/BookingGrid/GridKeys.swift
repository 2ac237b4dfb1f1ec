/// What the booking grid's keys do.
public enum GridCommand: Sendable, Equatable {
    case left, right, down, up, pageDown, pageUp, first, last, previousPeriod, nextPeriod, today, zoomIn, zoomOut
    case open, new, hold, confirm, challenge, releaseOrCancel, move, shorten, lengthen, nextPick, previousPick
    case cycleKind, search, cancel
}

/// The booking grid's keys: dispatch, footer hints, the `?` overlay and the README keymap.
public let gridKeys = Keymap<GridCommand>([
    Binding([.char("h"), .left], "← → ↑ ↓ or h l k j", "move the cursor", .left),
    Binding([.char("l"), .right], nil, "right", .right),
    Binding([.char("j"), .down], nil, "down", .down),
    Binding([.char("k"), .up], nil, "up", .up),
    Binding([.pageDown], "PgDn / PgUp", "a screen of rows down / up", .pageDown),
    Binding([.pageUp], nil, "a screen up", .pageUp),
    Binding([.char("H")], "H / L", "previous / next period", .previousPeriod),
    Binding([.char("L")], nil, "next period", .nextPeriod),
    Binding([.char("t")], "t", "today", .today),
    Binding([.char("+"), .char("=")], "+ / -", "zoom in / out (day, week, five weeks)", .zoomIn),
    Binding([.char("-")], nil, "zoom out", .zoomOut),
    Binding([.char("g"), .home], "g / G", "first / last resource", .first),
    Binding([.char("G"), .end], nil, "last resource", .last),
    Binding([.enter], "Enter", "details of the cell; on a show's booking the show's card; on a free cell a new booking", .open),
    Binding([.char("n")], "n", "new booking or hold (a form; Tab completes names)", hint: "n:new", .new),
    Binding([.char("p")], "p", "place a hold on the cell (asks when closed)", hint: "p:hold", .hold),
    Binding([.char("c")], "c", "confirm the hold (a manager may force it)", hint: "c:confirm", .confirm),
    Binding([.char("C")], "C", "challenge the holds ranked above yours", hint: "C:challenge", .challenge),
    Binding([.char("x"), .char("d")], "x / d", "release a hold or cancel a booking (asks; a series asks: only this, this and following, all)", hint: "x:release", .releaseOrCancel),
    Binding([.char("m"), .char("e")], "m / e", "move: h/l shift, < > resize, Enter saves, Esc cancels", hint: "m:move", .move),
    Binding([.char("<")], "< / >", "shorten / lengthen by one column", hint: "</>:resize", .shorten),
    Binding([.char(">")], nil, "lengthen", .lengthen),
    Binding([.char("]")], "] / [", "next / previous booking of a stacked cell", .nextPick),
    Binding([.char("[")], nil, "previous booking", .previousPick),
    Binding([.char("f")], "f", "all / rooms / talent / equipment", .cycleKind),
    Binding([.char("/")], "/", "search by name (Esc clears)", hint: "/:search", .search),
    Binding([.escape], "Esc", "cancel, clear the message or the search", .cancel),
])
