import SlateCore

/// The selection and scroll of a list shown a page at a time (grid rows, table rows).
public struct ListState: Equatable, Sendable {
    public var selected: Int
    public var scroll: Int

    public init(selected: Int = 0, scroll: Int = 0) {
        self.selected = selected
        self.scroll = scroll
    }

    /// Keeps the selection inside `count` items and on screen in `visible` rows, scrolling
    /// as little as possible and never past the end.
    public mutating func clamp(count: Int, visible: Int) {
        let visible = max(1, visible)
        guard count > 0 else {
            selected = 0
            scroll = 0
            return
        }
        selected = max(0, min(selected, count - 1))
        if selected < scroll { scroll = selected }
        if selected >= scroll + visible { scroll = selected - visible + 1 }
        scroll = max(0, min(scroll, max(0, count - visible)))
    }

    /// Moves the selection by `delta` rows.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        selected += delta
        clamp(count: count, visible: visible)
    }

    /// Moves the selection as a line key asks (j k, PgDn PgUp, g G).
    public mutating func step(_ step: LineStep, count: Int, visible: Int) {
        let delta = switch step {
        case .down: 1
        case .up: -1
        case .pageDown: visible
        case .pageUp: -visible
        case .first: -count
        case .last: count
        }
        move(by: delta, count: count, visible: visible)
    }
}

/// A move along the lines of a list screen.
public enum LineStep: Sendable, Equatable {
    case down, up, pageDown, pageUp, first, last
}

/// A column of a table: its title and width in cells.
public struct TableColumn: Equatable, Sendable {
    public var title: String
    public var width: Int

    public init(_ title: String, width: Int) {
        self.title = title
        self.width = width
    }
}

extension Canvas {
    /// Draws a table into `area`: a header line, then the rows the list state scrolls to,
    /// the selected one highlighted. Cells are cut to their column's width.
    public mutating func table(_ area: Rect, columns: [TableColumn], rows: [[String]], list: ListState) {
        guard area.height > 0 else { return }
        func line(_ cells: [String], y: Int, role: StyleRole) {
            fill(x: area.x, y: y, width: area.width, height: 1, role: role)
            var x = area.x
            for (column, text) in zip(columns, cells) where x < area.x + area.width {
                put(DisplayWidth.pad(text, to: column.width, ascii: ascii), x: x, y: y, role: role, limit: area.x + area.width - x)
                x += column.width + 1
            }
        }
        line(columns.map(\.title), y: area.y, role: .header)
        for (offset, index) in (list.scroll..<min(rows.count, list.scroll + area.height - 1)).enumerated() {
            line(rows[index], y: area.y + 1 + offset, role: index == list.selected ? .selection : .normal)
        }
    }
}
