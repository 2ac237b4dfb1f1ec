import SlateCore
import SlateStore

/// Fixed parts of the screen.
public enum Layout {
    /// Smallest size every view supports.
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    static let nameWidth = 20
    static let paneRows = 4
    /// Top bar, header, pane, status line.
    static let chromeRows = 1 + 1 + paneRows + 1
}

/// Draws the whole screen for a state. Pure: the same state always gives the same canvas.
public func render(_ state: AppState) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    canvas.ascii = !state.unicode
    guard state.width >= Layout.minimumWidth, state.height >= Layout.minimumHeight else {
        drawTooSmall(&canvas, state)
        return canvas
    }
    drawTopBar(&canvas, state)
    renderScreen(state, into: &canvas, Rect(x: 0, y: 1, width: state.width, height: state.height - 2))
    drawStatus(&canvas, state)
    switch state.mode {
    case .help: drawHelp(&canvas, state)
    case .detail: drawDetail(&canvas, state)
    case .form(let form): drawForm(&canvas, state, form)
    case .normal where state.view == .timeline:
        if case .form(let form) = state.timeline.edit { drawTimelineForm(&canvas, state, form) }
    case .normal where state.view == .tasks:
        if let form = state.tasks.form { drawTaskForm(&canvas, state, form) }
    case .overlay(let title, let lines): box(&canvas, state, title: title + " (Esc closes)", lines: lines, scroll: state.overlayScroll)
    default: break
    }
    if state.mode == .normal { drawShowCard(&canvas, state) }
    return canvas
}
