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
        _ = update(&state, .windowLoaded(Scene.window, state.period))
        let canvas = render(state)
        Golden.check("grid-day-120x40.txt", canvas.text)
        Golden.check("grid-day-120x40.roles.txt", canvas.roles)
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
