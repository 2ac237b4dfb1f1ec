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

/// An in-memory screen that screens draw into and tests read as text. Wide characters take
/// two cells, combining marks none, and control characters are drawn escaped.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
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
    /// column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in Self.safe(text) {
            let cellWidth = DisplayWidth.of(String(character))
            if cellWidth == 0 {
                // A lone combining mark or zero-width character joins the previous cell.
                var target = column - 1
                if target >= 0, target < width, self[target, y].text.isEmpty { target -= 1 }
                if column > x, target >= 0, target < width { self[target, y].text.append(character) }
                continue
            }
            if column + cellWidth > end {
                // A wide character that does not fit leaves a space, never half a glyph.
                if column < end { self[column, y] = Cell(" ", role) }
                break
            }
            if column >= 0 {
                self[column, y] = Cell(String(character), role)
                if cellWidth == 2 { self[column + 1, y] = Cell("", role) }
            }
            column += cellWidth
        }
        return column
    }

    /// Text with control characters shown as `\u{..}` so they never reach the terminal.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) else { return text }
        return TextInput.printable(text, limit: Int.max)
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
