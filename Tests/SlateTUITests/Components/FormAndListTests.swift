import Testing
@testable import SlateCore
@testable import SlateTUI

@Suite("Form and list components")
struct FormAndListTests {
    func form() -> FormState {
        FormState([FormField("Name"), FormField("Kind", "hold", kind: .choice(["hold", "book"], shown: ["hold", "book"])), FormField("Note")])
    }

    @Test func typingTabbingAndChoices() {
        var form = form()
        for key in Key.typed("Sta") { _ = form.handle(key) }
        #expect(form["Name"] == "Sta")
        #expect(form.handle(.backspace) == .edited && form["Name"] == "St")
        _ = form.handle(.tab)
        #expect(form.focus == 1)
        _ = form.handle(.char(" "))
        #expect(form["Kind"] == "book")
        _ = form.handle(.char("x"))
        #expect(form["Kind"] == "book")
        _ = form.handle(.up)
        #expect(form.focus == 0)
        #expect(form.handle(.enter) == .submit && form.handle(.escape) == .cancel)
    }

    @Test func tabCompletesTheOnlyCandidateListsSeveralAndMovesOnWhenWhole() {
        var form = form()
        let names = ["Stage A", "Stage B", "Studio L"]
        let complete: (Int, String) -> [String] = { _, text in names.filter { $0.lowercased().hasPrefix(text.lowercased()) } }
        for key in Key.typed("st") { _ = form.handle(key) }
        #expect(form.handle(.tab, complete: complete) == .candidates(names))
        for key in Key.typed("u") { _ = form.handle(key) }
        #expect(form.handle(.tab, complete: complete) == .completed(field: 0, value: "Studio L"))
        #expect(form.focus == 0)
        #expect(form.handle(.tab, complete: complete) == .edited && form.focus == 1)
    }

    @Test func ctrlUClearsATypedFieldAndCtrlWTakesOffItsLastWord() {
        var form = FormState([FormField("Start", "2026-12-03T10:00", kind: .dateTime), FormField("Talent", "Maya Nguyen, Emma Moreau"),
                              FormField("Kind", "hold", kind: .choice(["hold", "book"], shown: ["hold", "book"]))])
        #expect(form.handle(.ctrl("u")) == .edited && form["Start"] == "")
        for key in Key.typed("2026-12-04T10:00") { _ = form.handle(key) }
        #expect(form["Start"] == "2026-12-04T10:00")
        _ = form.handle(.down)
        _ = form.handle(.ctrl("w"))
        #expect(form["Talent"] == "Maya Nguyen, Emma ")
        _ = form.handle(.ctrl("w"))
        #expect(form["Talent"] == "Maya Nguyen, ")
        _ = form.handle(.down)
        _ = form.handle(.ctrl("u"))
        _ = form.handle(.ctrl("w"))
        #expect(form["Kind"] == "hold")
    }

    @Test func everyTypedLineEditsAlike() {
        var text = "goto 2026-12-03T10:00"
        #expect(LineEdit.apply(.ctrl("w"), to: &text) && text == "goto ")
        #expect(LineEdit.apply(.ctrl("w"), to: &text) && text == "")
        #expect(LineEdit.apply(.ctrl("w"), to: &text) && text == "")
        #expect(LineEdit.apply(.char("é"), to: &text) && LineEdit.apply(.char("x"), to: &text) && text == "éx")
        #expect(LineEdit.apply(.backspace, to: &text) && text == "é")
        #expect(LineEdit.apply(.ctrl("u"), to: &text) && text == "")
        #expect(!LineEdit.apply(.ctrl("r"), to: &text) && !LineEdit.apply(.up, to: &text))
    }

    @Test func dateTimeFieldsAreValidatedInTheFormsZone() {
        var form = FormState([FormField("Start", "2026-12-03T10:00", kind: .dateTime), FormField("End", "2026-13-01T10:00", kind: .dateTime)])
        let paris = LocalTime.cached("Europe/Paris")!
        #expect(form.problems(in: paris).count == 1 && form.problems(in: paris).first?.hasPrefix("End: Bad input:") == true)
        form["End"] = "2026-03-29T02:30"
        #expect(form.problems(in: paris).first?.contains("does not exist in Europe/Paris") == true)
        #expect(form.problems(in: LocalTime.cached("UTC")!).isEmpty)
    }

    @Test func linesMarkTheFocusedField() {
        var form = form()
        _ = form.handle(.char("A"))
        #expect(form.lines(unicode: true) == ["▸ Name A▏", "  Kind hold  [Space toggles]", "  Note "])
        #expect(form.lines(unicode: false)[0] == "> Name A_")
    }

    @Test func aListKeepsItsSelectionOnScreenAndNeverScrollsPastTheEnd() {
        var list = ListState()
        list.move(by: 12, count: 20, visible: 5)
        #expect(list == ListState(selected: 12, scroll: 8))
        list.move(by: -10, count: 20, visible: 5)
        #expect(list == ListState(selected: 2, scroll: 2))
        list.move(by: 100, count: 20, visible: 5)
        #expect(list == ListState(selected: 19, scroll: 15))
        list.clamp(count: 3, visible: 5)
        #expect(list == ListState(selected: 2, scroll: 0))
        list.clamp(count: 0, visible: 5)
        #expect(list == ListState())
    }

    @Test func aTableDrawsItsHeaderAndTheScrolledRows() {
        var canvas = Canvas(width: 20, height: 3)
        canvas.table(Rect(x: 0, y: 0, width: 20, height: 3), columns: [TableColumn("Name", width: 8), TableColumn("Rate", width: 6)],
                     rows: [["Ava Martin", "450"], ["王芳", "500"], ["Zoë", "300"]], list: ListState(selected: 2, scroll: 1))
        #expect(canvas.text == "Name     Rate       \n王芳     500        \nZoë      300        ")
        #expect(canvas[0, 2].role == .selection && canvas[0, 1].role == .normal)
    }
}
