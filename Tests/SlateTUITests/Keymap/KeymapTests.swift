import Foundation
import Testing
@testable import SlateCore
@testable import SlateTUI

@Suite("One keymap per screen")
struct KeymapTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The README's keymap rows as the keymaps write them: every view's, the timeline's, the grid's, the board's, the tasks', the directory's (list, card, results), the dashboard's, a show's card.
    static var expectedRows: [String] {
        (globalKeys.rows + timelineKeys.rows + gridKeys.rows + boardKeys.rows + tasksKeys.rows + directoryKeys.rows + directoryCardKeys.rows + directoryResultsKeys.rows + dashboardKeys.rows + showCardKeys.rows).map { row in
            let words = row.keys.split(separator: " ")
            let keys = words.map { words.count > 1 && ($0 == "/" || $0 == "or" || $0 == "…") ? String($0) : "`\($0)`" }.joined(separator: " ")
            return "| \(keys) | \(row.help) |"
        }
    }

    @Test func theReadmeKeymapIsTheScreensKeymap() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let section = text.components(separatedBy: "## Keymap").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
        let rows = section.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| ") && !$0.hasPrefix("| keys") && !$0.hasPrefix("|---") }
        #expect(rows == Self.expectedRows, "README keymap differs; it should read:\n\(Self.expectedRows.joined(separator: "\n"))")
    }

    @Test func noKeyIsBoundTwiceAndEveryBindingIsDescribed() {
        for screen in [gridKeys.bindings.flatMap(\.keys), timelineKeys.bindings.flatMap(\.keys), tasksKeys.bindings.flatMap(\.keys), boardKeys.bindings.flatMap(\.keys),
                       directoryKeys.bindings.flatMap(\.keys), dashboardKeys.bindings.flatMap(\.keys)] {
            let keys = screen + globalKeys.bindings.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "a key is bound twice")
        }
        #expect(render(Scene.state(width: 120, height: 40)).text.contains(" ?:help  n:new  p:hold"))
    }

    @Test func theHelpOverlayListsEveryRowAndScrolls() {
        var state = Scene.state()
        Scene.press(&state, [.char("?")])
        var seen = Set<String>()
        for _ in 0..<12 {
            for line in render(state).text.split(separator: "\n") { seen.insert(String(line)) }
            Scene.press(&state, [.char("j")])
        }
        for row in gridKeys.rows + globalKeys.rows {
            #expect(seen.contains { $0.contains(row.keys) && $0.contains(row.help.prefix(16)) }, "help never shows: \(row.help)")
        }
        Scene.press(&state, [.escape])
        #expect(state.mode == .normal)
        // The timeline's help lists the timeline's keys
        var timeline = TimelineScene.state(width: 120, height: 40)
        _ = TimelineScene.press(&timeline, [.char("?")])
        let text = render(timeline).text
        #expect(text.contains("Timeline keys") && text.contains("move with cascade") && text.contains("◆ milestone"))
    }
}
