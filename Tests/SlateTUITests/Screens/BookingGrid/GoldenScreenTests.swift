import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

@Suite("Screens as golden text")
struct GoldenScreenTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func bookingGridWeek(width: Int, height: Int) {
        let state = Scene.state(width: width, height: height)
        let canvas = render(state)
        Golden.check("grid-week-\(width)x\(height).txt", canvas.text)
        Golden.check("grid-week-\(width)x\(height).roles.txt", canvas.roles)
    }

    @Test func bookingGridDayWithCursorOnAHold() {
        var state = Scene.state(width: 120, height: 40)
        Scene.press(&state, [.char("+")])
        Scene.press(&state, [.char("L")])
        for _ in 0..<6 { Scene.press(&state, [.char("l")]) }
        _ = update(&state, .windowLoaded(Scene.window, state.grid.period, Set(Scene.resources.map(\.uid))))
        let canvas = render(state)
        Golden.check("grid-day-120x40.txt", canvas.text)
        Golden.check("grid-day-120x40.roles.txt", canvas.roles)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func headersAtEveryZoom(width: Int, height: Int) {
        var state = Scene.state(width: width, height: height)
        Scene.press(&state, [.char("+")])
        let day = render(state).text.split(separator: "\n")[1]
        Scene.press(&state, [.char("-"), .char("-")])
        let month = render(state).text.split(separator: "\n")[1]
        Golden.check("headers-\(width)x\(height).txt", day + "\n" + month)
        // Labels never touch: every label is followed by a space or the end of the line
        for line in [day, month] {
            #expect(!line.contains("0001") && !line.contains("3001"), "\(line)")
        }
        #expect(month.hasPrefix("5 wks Mon, Nov 30") && month.contains("Mo 30") && month.contains("Mo 07"), "\(month)")
        #expect(day.hasPrefix("Thu, Dec 3 "))
    }

    /// The grid speaks the workspace's locale: its title and its weekdays.
    @Test(arguments: [("fr_FR", "Week lun. 30 nov.", "lu 30 ma 01"), ("de_DE", "Week Mo., 30. Nov.", "Mo 30 Di 01"), ("ja_JP", "Week 11月30日(月)", "月 30 火 01")])
    func theWeekInTheWorkspacesLocale(locale: String, title: String, days: String) {
        let header = render(Scene.state(width: 100, height: 30, locale: locale)).text.split(separator: "\n")[1]
        #expect(header.hasPrefix(title) && header.contains(days), "\(header)")
    }

    /// Per cell: attributes in mono (hex of bold 1, underline 2, reverse 4, dim 8), and the
    /// background colour the default theme gives on an 8-colour terminal ("-" = default).
    @Test func monochromeAndColourAttributeDumps() throws {
        let canvas = render(Scene.state())
        let mono = Theme.mono
        let theme = try Theme.load("default")
        func rows(_ cell: (Cell) -> Character) -> String {
            (0..<canvas.height).map { y in String((0..<canvas.width).map { x in cell(canvas[x, y]) }) }.joined(separator: "\n")
        }
        let attributes = rows { cell in
            let style = mono.style(cell.role)
            let bits = (style.bold ? 1 : 0) | (style.underline ? 2 : 0) | (style.reverse ? 4 : 0) | (style.dim ? 8 : 0)
            return Character(String(bits, radix: 16))
        }
        let background = rows { cell in
            theme.style(cell.role).background.fitted(to: 8).map { Character(String($0)) } ?? "-"
        }
        Golden.check("grid-week-80x24.mono-attributes.txt", attributes)
        Golden.check("grid-week-80x24.default-8-colour-background.txt", background)
        // The cursor stands out without colour.
        #expect(mono.style(.cursor).reverse)
    }

    @Test func asciiFallbackOutsideUTF8Locales() {
        let canvas = render(Scene.state(unicode: false))
        Golden.check("grid-week-80x24-ascii.txt", canvas.text)
        #expect(!canvas.text.contains("█") && !canvas.text.contains("│"))
    }

    @Test func helpOverlayAndForm() {
        var state = Scene.state()
        Scene.press(&state, [.char("?")])
        Golden.check("help-80x24.txt", render(state).text)
        Scene.press(&state, [.escape, .char("n")])
        Golden.check("form-80x24.txt", render(state).text)
    }

    @Test(arguments: [(79, 24), (80, 23), (40, 10), (1, 1), (0, 0)])
    func tooSmallNeverCrashesAndSaysSo(width: Int, height: Int) {
        var state = Scene.state()
        _ = update(&state, .resized(width: width, height: height))
        let canvas = render(state)
        #expect(canvas.width == width && canvas.height == height)
        if width >= 20 && height >= 4 { #expect(canvas.text.contains("Terminal too small")) }
    }

    @Test func tooSmallGolden() {
        var state = Scene.state()
        _ = update(&state, .resized(width: 40, height: 10))
        Golden.check("too-small-40x10.txt", render(state).text)
    }

    @Test func themesResolveForEveryColourDepth() throws {
        var lines: [String] = []
        for name in Theme.builtinNames {
            let theme = try Theme.load(name)
            for role in StyleRole.allCases {
                let style = theme.style(role)
                let depths = [256, 16, 8].map { colors in
                    "\(style.foreground.fitted(to: colors).map(String.init) ?? "-")/\(style.background.fitted(to: colors).map(String.init) ?? "-")"
                }
                let attributes = [style.bold ? "bold" : "", style.underline ? "underline" : "", style.reverse ? "reverse" : "", style.dim ? "dim" : ""].filter { !$0.isEmpty }
                lines.append("\(name) \(role.rawValue) \(role.code) 256:\(depths[0]) 16:\(depths[1]) 8:\(depths[2]) \(attributes.joined(separator: ","))")
            }
        }
        Golden.check("themes.txt", lines.joined(separator: "\n"))
    }
}
