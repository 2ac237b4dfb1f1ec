import Testing
@testable import SlateCore
@testable import SlateTUI

@Suite("Sending only changed cells")
struct CanvasDiffTests {
    @Test func noPreviousFrameOrAnotherSizeSendsEverything() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.put("王a", x: 0, y: 0)
        let (first, full) = canvas.changes(from: nil)
        #expect(full && first.count == 7)
        #expect(canvas.changes(from: Canvas(width: 5, height: 2)).full)
    }

    @Test func onlyChangedCellsAreSentAndAWideCharacterOnce() {
        var before = Canvas(width: 6, height: 1)
        before.put("abcdef", x: 0, y: 0)
        var after = before
        after.put("王", x: 2, y: 0)
        let (changes, full) = after.changes(from: before)
        #expect(!full)
        #expect(changes == [CellChange(x: 2, y: 0, cell: Cell("王"))])
    }

    @Test func randomEditsDrawnIncrementallyLookLikeAFullRepaint() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "王", "é", "👨‍👩‍👧‍👦", "🇫🇷", "xyz", "Zoë 🎤", " ", "│"]
        for _ in 0..<200 {
            let terminal = FakeTerminal(width: 12, height: 2)
            var previous: Canvas?
            var canvas = Canvas(width: 12, height: 2)
            for _ in 0..<8 {
                canvas.put(pieces.randomElement(using: &random) ?? "a", x: Int.random(in: -1..<12, using: &random), y: Int.random(in: 0..<2, using: &random))
                let (changes, full) = canvas.changes(from: previous)
                terminal.write(changes, full: full)
                previous = canvas
                #expect(terminal.text == canvas.text)
            }
        }
    }
}
