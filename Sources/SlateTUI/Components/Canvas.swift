import SlateCore

/// One terminal cell: a grapheme (or "" for the right half of a wide character) and its role.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: StyleRole

    public init(_ text: String = " ", _ role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }
}

/// One cell to send to the terminal.
public struct CellChange: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

/// An in-memory screen that screens draw into and tests read as text. Wide characters take
/// two cells, combining marks none (as `wcwidth` says), and control characters are drawn
/// escaped.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Outside UTF-8 locales: everything is drawn in ASCII, widths kept.
    public var ascii = false
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills a rectangle with spaces of a role.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: StyleRole) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) { self[column, row] = Cell(" ", role) }
        }
    }

    /// Writes text from (x, y), clipped at `x + limit` and the right edge; returns the
    /// column after the last cell written. Text is shown as `DisplayWidth.shown` makes it
    /// (escaped controls, `wcwidth` cells, ASCII stand-ins when `ascii`), so the cells
    /// always match what the terminal draws.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, x + (limit ?? width))
        var column = x
        for scalar in DisplayWidth.shown(text, ascii: ascii).unicodeScalars {
            let cellWidth = DisplayWidth.of(scalar)
            if cellWidth == 0 {
                // A combining mark or zero-width character joins the previous cell.
                var target = column - 1
                if target >= 0, target < width, self[target, y].text.isEmpty { target -= 1 }
                if column > x, target >= 0, target < width { self[target, y].text.unicodeScalars.append(scalar) }
                continue
            }
            if column + cellWidth > end {
                // A wide character that does not fit leaves a space, never half a glyph.
                if column < end, column >= 0 { set(column, y, Cell(" ", role)) }
                break
            }
            if column >= 0 {
                set(column, y, Cell(String(scalar), role))
                if cellWidth == 2 { set(column + 1, y, Cell("", role)) }
            }
            column += cellWidth
        }
        return column
    }

    /// Sets one cell, blanking the other half of any wide character it cuts in two, so
    /// no cell is ever left as the half of a glyph that is gone.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width else { return }
        if self[x, y].text.isEmpty, x > 0, !cell.text.isEmpty { self[x - 1, y] = Cell(" ", self[x - 1, y].role) }
        if x + 1 < width, self[x + 1, y].text.isEmpty, DisplayWidth.of(self[x, y].text) == 2 { self[x + 1, y] = Cell(" ", self[x + 1, y].role) }
        self[x, y] = cell
    }

    /// `text` broken at spaces into lines of at most `width` cells (a word longer than a
    /// line is cut).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = DisplayWidth.of(word) <= width ? word : DisplayWidth.truncate(word, to: width)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The cells to send so a terminal showing `previous` shows this canvas: every cell
    /// when there is no previous frame or its size differs, else only the cells that
    /// changed. The right half of a wide character is never sent (the left half draws
    /// both); a changed right half sends its left half again.
    public func changes(from previous: Canvas?) -> (changes: [CellChange], full: Bool) {
        guard let previous, previous.width == width, previous.height == height else {
            var all: [CellChange] = []
            for y in 0..<height { for x in 0..<width where !self[x, y].text.isEmpty { all.append(CellChange(x: x, y: y, cell: self[x, y])) } }
            return (all, true)
        }
        var changed: [CellChange] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let cell = self[x, y]
                if cell != previous[x, y] {
                    if cell.text.isEmpty {
                        // A new right half: its wide character starts one cell left.
                        if x > 0, changed.last.map({ $0.x != x - 1 || $0.y != y }) ?? true { changed.append(CellChange(x: x - 1, y: y, cell: self[x - 1, y])) }
                    } else {
                        changed.append(CellChange(x: x, y: y, cell: cell))
                    }
                }
                x += 1
            }
        }
        return (changed, false)
    }

    /// The screen as lines of text (for golden files).
    public var text: String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += self[x, y].text }
            return line
        }.joined(separator: "\n")
    }

    /// The roles as one letter per cell (for golden files); wide characters show twice.
    public var roles: String {
        (0..<height).map { y in String((0..<width).map { self[$0, y].role.code }) }.joined(separator: "\n")
    }
}
