import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateTUI

@Suite("Canvas")
struct CanvasTests {
    @Test func wideCharactersTakeTwoCellsAndCombiningMarksNone() {
        var canvas = Canvas(width: 10, height: 1)
        let end = canvas.put("王e\u{301}🎤x", x: 0, y: 0)
        #expect(end == 6)
        #expect(canvas[0, 0].text == "王" && canvas[1, 0].text == "")
        #expect(canvas[2, 0].text == "e\u{301}")
        #expect(canvas[3, 0].text == "🎤" && canvas[4, 0].text == "")
        #expect(canvas.text == "王é🎤x    ")
    }

    @Test func aWideCharacterThatDoesNotFitLeavesASpace() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("ab王", x: 0, y: 0)
        #expect(canvas.text == "ab ")
    }

    @Test func controlCharactersAreShownEscapedNeverSent() {
        var canvas = Canvas(width: 30, height: 1)
        canvas.put("bad\u{1B}[2Jname\u{7}", x: 0, y: 0)
        #expect(!canvas.text.contains("\u{1B}"))
        #expect(canvas.text.hasPrefix("bad\\u{1b}[2Jname\\u{7}"))
    }

    @Test func drawingOutsideTheCanvasIsIgnored() {
        var canvas = Canvas(width: 2, height: 2)
        canvas.put("hello", x: 1, y: 5)
        canvas.put("hello", x: -3, y: 0)
        canvas.fill(x: -1, y: -1, width: 10, height: 10, role: .pane)
        #expect(canvas.cells.allSatisfy { $0.role == .pane })
    }
}
