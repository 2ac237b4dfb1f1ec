import SlateCore
import SlateStore

extension DirectoryScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, _ area: Rect) {
        let directory = state.directory
        let width = state.width
        drawTabs(&canvas, state, y: area.y)
        let body = Rect(x: 0, y: area.y + 1, width: width, height: area.height - 1 - Layout.paneRows)
        if case .results(let results)? = directory.panel {
            drawResults(&canvas, state, results, body)
        } else if !directory.loaded {
            canvas.put("Loading the directory…", x: 2, y: body.y + 1, role: .dim, limit: width - 4)
        } else {
            let columns = layout(directory.tab, width: width)
            canvas.table(body, columns: columns, rows: directory.table.map { Array($0.cells.prefix(columns.count)) }, list: directory.list)
            if directory.table.isEmpty {
                let why = directory.filter.isEmpty && directory.tag == nil ? "Nothing here yet; n adds one." : "Nothing matches the filter; Esc clears it."
                canvas.put(why, x: 2, y: body.y + 2, role: .dim, limit: width - 4)
            }
        }
        let paneY = area.y + area.height - Layout.paneRows
        canvas.fill(x: 0, y: paneY, width: width, height: Layout.paneRows, role: .pane)
        for (index, line) in paneLines(state).prefix(Layout.paneRows).enumerated() {
            canvas.put(line, x: 1, y: paneY + index, role: index == 0 ? .paneTitle : .pane, limit: width - 2)
        }
        if state.mode == .normal { drawOverlay(&canvas, state) }
    }

    /// `Talent 40 │ Clients 6 │ …` with the open list marked, then the filter.
    private static func drawTabs(_ canvas: inout Canvas, _ state: AppState, y: Int) {
        let directory = state.directory
        canvas.fill(x: 0, y: y, width: state.width, height: 1, role: .header)
        // Every list with its count when that fits, else the count of the open one only.
        let counted = DirectoryTab.allCases.map { tab in " \(tab.title)\(directory.directory.map { " \(DirectoryState.count(tab, $0))" } ?? "") " }
        let fits = counted.reduce(0) { $0 + DisplayWidth.of($1) } <= state.width
        var x = 0
        for (tab, label) in zip(DirectoryTab.allCases, counted) {
            x = canvas.put(fits || tab == directory.tab ? label : " \(tab.title) ", x: x, y: y, role: tab == directory.tab ? .cursor : .header, limit: state.width - x)
        }
        var filters: [String] = []
        if !directory.filter.isEmpty { filters.append("/\(directory.filter)") }
        if let tag = directory.tag { filters.append("tag=\(tag)") }
        if !filters.isEmpty, x + 4 < state.width {
            canvas.put(" " + filters.joined(separator: " "), x: x + 1, y: y, role: .header, limit: state.width - x - 1)
        }
    }

    /// Columns that fit the width, least widths first, spare width shared by the growing ones.
    static func layout(_ tab: DirectoryTab, width: Int) -> [TableColumn] {
        var columns = tab.columns
        while columns.count > 1, columns.map(\.width).reduce(0, +) + columns.count - 1 > width { columns.removeLast() }
        let spare = max(0, width - columns.map(\.width).reduce(0, +) - (columns.count - 1))
        let growing = columns.filter(\.grows).count
        return columns.enumerated().map { index, column in
            let share = column.grows && growing > 0 ? spare / growing + (index == columns.firstIndex(where: \.grows) ? spare % growing : 0) : 0
            return TableColumn(column.title, width: column.width + share)
        }
    }

    private static func drawResults(_ canvas: inout Canvas, _ state: AppState, _ results: DirectoryResults, _ area: Rect) {
        let width = state.width
        canvas.fill(x: 0, y: area.y, width: width, height: 1, role: .paneTitle)
        canvas.put(results.title, x: 0, y: area.y, role: .paneTitle, limit: width)
        let visible = max(1, area.height - 1)
        let scroll = max(0, min(results.list.selected - visible + 1, results.items.count - visible))
        for row in 0..<visible {
            let index = max(0, scroll) + row
            guard index < results.items.count else { break }
            let y = area.y + 1 + row
            let selected = index == results.list.selected
            if selected { canvas.fill(x: 0, y: y, width: width, height: 1, role: .cursor) }
            switch results.items[index] {
            case .heading(let title):
                canvas.put(title, x: 0, y: y, role: selected ? .cursor : .paneTitle, limit: width)
            case .hit(let hit):
                canvas.put("  " + [hit.title, hit.detail, hit.uid].filter { !$0.isEmpty }.joined(separator: " · "), x: 0, y: y, role: selected ? .cursor : .normal, limit: width - 1)
            case .match(let match):
                canvas.put(matchLine(match, unicode: state.unicode), x: 0, y: y, role: selected ? .cursor : match.availability == "busy" ? .dim : .normal, limit: width - 1)
            }
        }
    }

    /// ` 1. Ngozi Adébáyọ̀  host · french 1, hosting 1 · free 09:00–18:00 · ★ 4.5 · 850,00 €`
    static func matchLine(_ match: TalentMatchRow, unicode: Bool) -> String {
        var parts = ["\(match.role)", match.matched.joined(separator: ", ") + (match.missing.isEmpty ? "" : " (no \(match.missing.joined(separator: ", ")))")]
        // The day is the window's: each slot from its time of day on.
        parts.append(match.availability + (match.freeSlots.isEmpty ? "" : " " + match.freeTimes.prefix(2).joined(separator: ", ")))
        if let rating = match.rating { parts.append((unicode ? "★ " : "rating ") + RatingText.of(rating)) }
        parts.append(match.rate.text)
        parts.append(match.studio)
        let rank = match.rank < 10 ? " \(match.rank)" : "\(match.rank)"
        return "\(rank). " + DisplayWidth.pad(DisplayWidth.truncate(match.name, to: 18, ascii: !unicode), to: 18) + " " + parts.joined(separator: " · ")
    }

    /// The pane: the record under the cursor, its tags, and what the keys do.
    static func paneLines(_ state: AppState) -> [String] {
        let directory = state.directory
        if case .results(let results)? = directory.panel {
            let keys = results.job != nil ? "Enter opens the card · b fills the job with them · Esc closes" : "Enter opens · b books (the grid, the form open) · Esc closes"
            switch results.cursor {
            case .match(let match)?:
                return ["\(match.name) (\(match.uid)) · \(match.studio)", "Skills: \(match.matched.joined(separator: ", "))"
                            + (match.missing.isEmpty ? "" : " · missing \(match.missing.joined(separator: ", "))") + " · \(match.availability)",
                        match.freeSlots.isEmpty ? "" : "Free: " + match.freeSlots.joined(separator: "; "), keys]
            case .hit(let hit)?:
                return ["\(hit.kind.heading): \(hit.title)", hit.detail, "\(hit.uid)\(hit.target == hit.uid ? "" : " → \(hit.target)")", keys]
            default:
                return [results.title, keys]
            }
        }
        guard let row = directory.cursorRow else {
            return ["Directory · \(directory.tab.title)", "n adds one · h/l other lists · M finds talent · :search TEXT searches everything"]
        }
        let columns = directory.tab.columns
        let fields = zip(columns, row.cells).dropFirst().filter { !$0.1.isEmpty }.map { "\($0.0.title): \($0.1)" }
        return ["\(row.cells.first ?? row.uid) (\(row.uid))", fields.joined(separator: " · "),
                "Enter card · e edit · d delete · c log · m comment · t tags" + (directory.tab == .talent ? " · b book · M match" : ""),
                "\(directory.table.count) shown · sorted by \(columns[min(directory.sortColumn, columns.count - 1)].title)\(directory.descending ? ", reversed" : "")"]
    }

    private static func drawOverlay(_ canvas: inout Canvas, _ state: AppState) {
        if let form = state.directory.form {
            var lines = form.form.lines(unicode: state.unicode) + [""] + form.help
            if !form.problem.isEmpty { lines += ["", form.problem] }
            lines.append("↑↓ field · Space toggles a choice · Enter saves · Esc cancels")
            box(&canvas, state, title: form.title, lines: lines)
        } else if case .card(let card, let scroll)? = state.directory.panel {
            let keys = card.week.isEmpty ? "e edit · c log · m comment · t tags · Esc" : "e edit · b book · c log · m comment · t tags · Esc"
            box(&canvas, state, title: "\(card.title) · \(keys)", lines: cardLines(card, unicode: state.unicode), scroll: scroll)
        }
    }

    /// The card's text: fields, tags, this week, coming up, communications, comments, history.
    static func cardLines(_ card: RecordCard, unicode: Bool) -> [String] {
        var lines = ["\(card.kind.capitalized) \(card.uid) · version \(card.version)"]
        let nameWidth = (card.fields.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
        lines += card.fields.map { DisplayWidth.pad($0.name, to: nameWidth) + $0.value }
        lines.append(DisplayWidth.pad("Tags", to: nameWidth) + (card.tags.isEmpty ? "none (t adds)" : card.tags.joined(separator: ", ")))
        if !card.week.isEmpty {
            lines += ["", "This week (\(card.zone); \(unicode ? "█" : "#") booked, 1 2 3 holds, \(unicode ? "·" : ".") free)"] + weekGrid(card.week, unicode: unicode)
        }
        if !card.upcoming.isEmpty || !card.week.isEmpty {
            lines += ["", "Coming up"] + (card.upcoming.isEmpty ? ["  nothing booked"] : card.upcoming.map { "  " + $0 })
        }
        if card.kind == "talent" || card.kind == "client" {
            lines += ["", "Communications (c logs one)"]
            lines += card.communications.isEmpty ? ["  none"] : card.communications.map {
                "  \($0.occurredAt.shown) \($0.kind.rawValue) \($0.author): \($0.subject)" + ($0.body.isEmpty ? "" : " — \($0.body)")
            }
        }
        lines += ["", "Comments (m adds one; a reply names its comment)"]
        lines += card.comments.isEmpty ? ["  none"] : card.comments.map {
            String(repeating: "  ", count: $0.depth + 1) + "\($0.author) \($0.at.shown)\($0.edited ? " (edited)" : "") \($0.uid): \($0.body)"
        }
        if !card.history.isEmpty { lines += ["", "History (newest first)"] + card.history.map { "  " + $0 } }
        return lines
    }

    /// A line per day from 08:00 to 20:00 (wider when bookings fall outside), a cell per half hour.
    static func weekGrid(_ week: [RecordCard.Day], unicode: Bool) -> [String] {
        var first = 8, last = 20
        for day in week {
            for booking in day.bookings {
                first = min(first, max(0, Int((booking.interval.start - day.start) / 3_600)))
                last = max(last, min(24, Int((booking.interval.end - day.start + 3_599) / 3_600)))
            }
        }
        if first % 2 == 1 { first -= 1 }
        let labelWidth = (week.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1
        var header = String(repeating: " ", count: labelWidth)
        for hour in stride(from: first, to: last, by: 2) { header += (hour < 10 ? "0\(hour)" : "\(hour)") + "  " }
        var lines = [header]
        for day in week {
            var cells = ""
            for half in (first * 2)..<(last * 2) {
                let slot = Interval(start: day.start + Int64(half) * 1_800, end: day.start + Int64(half + 1) * 1_800)
                let here = day.bookings.filter { $0.interval.overlaps(slot) }
                if here.contains(where: { $0.status == .confirmed }) {
                    cells += unicode ? "█" : "#"
                } else if let hold = here.compactMap(\.rank).min() {
                    cells += hold < 10 ? "\(hold)" : "+"
                } else {
                    cells += unicode ? "·" : "."
                }
            }
            lines.append(DisplayWidth.pad(day.label, to: labelWidth) + cells)
        }
        return lines
    }
}
