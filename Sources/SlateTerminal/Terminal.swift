import CNCurses
import Foundation
import SlateCore
import SlateTUI

/// The only code that talks to ncurses: it sets the terminal up, draws canvases sending
/// only changed cells, reads keys, and always restores the terminal.
public final class Terminal: TerminalBackend {
    /// Columns and lines.
    public private(set) var width: Int
    public private(set) var height: Int
    /// True when the locale is UTF-8 (else line drawing and glyphs fall back to ASCII).
    public let unicode: Bool
    /// Colours the terminal can show (0 = monochrome).
    public let colors: Int
    private var theme: Theme
    private var pairs: [Int32: Int16] = [:]
    private var active = true
    private var screen: OpaquePointer?

    /// Sets the terminal up; refuses with a clear message when it cannot work.
    public init(theme: Theme, noColor: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw SlateError.invalidInput("the terminal UI needs a terminal (standard input and output must be a TTY); use a subcommand such as `slate status` in scripts")
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw SlateError.invalidInput("TERM is \(term.isEmpty ? "not set" : "'dumb'"); the terminal UI needs a terminal that can move the cursor (e.g. TERM=xterm-256color)")
        }
        setlocale(LC_ALL, "")
        unicode = slate_locale_is_utf8() != 0
        guard let screen = newterm(nil, slate_stdout(), slate_stdin()) else {
            throw SlateError.invalidInput("the terminal type '\(term)' is unknown to this system's terminfo")
        }
        self.screen = screen
        set_term(screen)
        guard slate_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(screen)
            throw SlateError.invalidInput("the terminal '\(term)' cannot address the cursor; the terminal UI needs one that can")
        }
        raw()
        noecho()
        nonl()
        keypad(slate_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        var colorCount = 0
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(slate_colors())
        }
        colors = colorCount
        self.theme = colorCount == 0 ? Theme.mono : theme
        width = Int(slate_cols())
        height = Int(slate_lines())
        slate_install_signal_handlers()
    }

    deinit {
        restore()
    }

    /// Puts the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    /// Uses another theme from the next frame on (monochrome terminals stay monochrome).
    public func setTheme(_ theme: Theme) {
        guard colors > 0 else { return }
        self.theme = theme
        pairs = [:]
        invalidate()
    }

    /// Forgets what is on screen so the next draw repaints everything (Ctrl-L, resize).
    public func invalidate() {
        clearok(slate_stdscr(), true)
    }

    /// Sends the cells the program loop computed (only changed ones, unless `full`).
    public func write(_ changes: [CellChange], full: Bool) {
        if full { werase(slate_stdscr()) }
        for change in changes {
            wattrset(slate_stdscr(), Int32(bitPattern: attributes(change.cell.role)))
            _ = mvwaddstr(slate_stdscr(), Int32(change.y), Int32(change.x), change.cell.text)
        }
        wattrset(slate_stdscr(), 0)
        wrefresh(slate_stdscr())
    }

    /// A signal asked the program to end, or the terminal went away.
    public var mustStop: Bool { signalled || hungUp }

    /// True once the terminal has gone away (the SSH connection or window closed): reads
    /// then fail at once instead of waiting, and the program must end rather than spin.
    public private(set) var hungUp = false
    private var quickFailures = 0

    /// Waits up to `milliseconds` for a key or a resize.
    public func next(timeout milliseconds: Int32) -> TerminalEvent? {
        wtimeout(slate_stdscr(), milliseconds)
        var character: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let result = wget_wch(slate_stdscr(), &character)
        if result == ERR {
            let waited = DispatchTime.now().uptimeNanoseconds - started
            if milliseconds > 20, waited < UInt64(milliseconds) * 250_000 {
                quickFailures += 1
                if quickFailures >= 20 { hungUp = true }
            } else {
                quickFailures = 0
            }
            return nil
        }
        quickFailures = 0
        if result == KEY_CODE_YES {
            let code = Int32(character)
            switch code {
            case KEY_RESIZE:
                width = Int(slate_cols())
                height = Int(slate_lines())
                invalidate()
                return .resized(width: width, height: height)
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_ENTER: return .key(.enter)
            case KEY_F0 + 1...KEY_F0 + 24: return .key(.function(Int(code - KEY_F0)))
            default: return nil
            }
        }
        switch character {
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(UnicodeScalar(UInt8(character) + 96))))
        default:
            guard let scalar = UnicodeScalar(UInt32(character)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// The ncurses attributes of a role under the current theme, allocating colour pairs as needed.
    private func attributes(_ role: StyleRole) -> UInt32 {
        let style = theme.style(role)
        var attrs = UInt32(slate_a_normal())
        if style.bold { attrs |= UInt32(slate_a_bold()) }
        if style.underline { attrs |= UInt32(slate_a_underline()) }
        if style.reverse { attrs |= UInt32(slate_a_reverse()) }
        if style.dim { attrs |= UInt32(slate_a_dim()) }
        guard colors > 0 else { return attrs }
        let fitted = style.fitted(to: colors)
        let fg = fitted.foreground.map(Int16.init) ?? -1
        let bg = fitted.background.map(Int16.init) ?? -1
        if fg == -1 && bg == -1 { return attrs }
        let key = (Int32(fg) + 1) * 1000 + Int32(bg) + 1
        var pair = pairs[key]
        if pair == nil, pairs.count + 1 < Int(slate_color_pairs()) {
            let number = Int16(pairs.count + 1)
            init_pair(number, fg, bg)
            pairs[key] = number
            pair = number
        }
        if let pair { attrs |= UInt32(slate_color_pair(Int32(pair))) }
        return attrs
    }

    /// A signal (SIGINT, SIGTERM, SIGHUP) asked the program to end.
    public var signalled: Bool { slate_pending_signal() != 0 }
}
