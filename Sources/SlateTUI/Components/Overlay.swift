import SlateCore
import SlateStore

/// A panel over the screen; with `scroll`, lines that do not fit scroll (j/k) and the
/// title says so.
func box(_ canvas: inout Canvas, _ state: AppState, title: String, lines: [String], scroll: Int = 0) {
    // A line wider than the screen allows wraps at words, so a long message reads whole at 80 columns.
    let room = state.width - 7
    let lines = lines.flatMap { DisplayWidth.of($0) <= room ? [$0] : Canvas.wrap($0, width: room) }
    let width = min(state.width - 4, max(DisplayWidth.of(title) + 6, (lines.map(DisplayWidth.of).max() ?? 0) + 4))
    let height = min(state.height - 2, lines.count + 2)
    let x = (state.width - width) / 2
    let y = max(1, (state.height - height) / 2)
    let visible = height - 2
    let first = max(0, min(scroll, lines.count - visible))
    let more = lines.count > visible ? " · \(first + 1)–\(first + visible) of \(lines.count), j/k scroll" : ""
    canvas.fill(x: x, y: y, width: width, height: height, role: .overlay)
    canvas.put(" \(title)\(more) ", x: x + 2, y: y, role: .overlayTitle, limit: width - 3)
    for (index, line) in lines.dropFirst(first).prefix(visible).enumerated() {
        canvas.put(line, x: x + 2, y: y + 1 + index, role: .overlay, limit: width - 3)
    }
}
