import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateTUI

@Suite("Themes")
struct ThemeTests {
    @Test func builtInThemesAreTheFilesInThemes() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".theme") }.sorted()
        #expect(files.map { String($0.dropLast(6)) } == Theme.builtinNames)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltinThemes.files[String(file.dropLast(6))].map { $0 + "\n" } == text)
            let theme = try Theme.parse(text, name: file)
            #expect(StyleRole.allCases.allSatisfy { theme.styles[$0] != nil }, "\(file) leaves out a role")
        }
        #expect(Set(Theme.builtinNames).isSuperset(of: ["default", "light", "high-contrast", "mono"]))
    }

    @Test func badThemeLinesAreReportedWithTheirNumber() {
        #expect(throws: SlateError.invalidInput("theme t, line 2: unknown attribute 'sparkly'")) {
            try Theme.parse("normal = default default\nhold = red black sparkly", name: "t")
        }
        #expect(failure { _ = try Theme.parse("nonsense = red black", name: "t") } == "invalid_input")
        #expect(failure { _ = try Theme.load("no-such-theme") } == "invalid_input")
    }

    @Test func coloursAreFittedToTheTerminal() {
        #expect(ThemeColor.index(196).fitted(to: 256) == 196)
        #expect(ThemeColor.index(196).fitted(to: 16) == 9)
        #expect(ThemeColor.index(196).fitted(to: 8) == 1)
        #expect(ThemeColor.index(12).fitted(to: 8) == 4)
        #expect(ThemeColor.terminalDefault.fitted(to: 256) == nil)
        let mono = Theme.mono
        #expect(StyleRole.allCases.allSatisfy { mono.style($0).foreground == .terminalDefault && mono.style($0).background == .terminalDefault })
    }

    @Test func withFewColoursNothingIsDrawnBlackOnTheDefaultBackgroundOrInItsOwnColour() throws {
        for name in Theme.builtinNames {
            let theme = try Theme.load(name)
            for role in StyleRole.allCases {
                for colors in [8, 16, 256] {
                    let (fg, bg) = theme.style(role).fitted(to: colors)
                    #expect(!(fg == 0 && (bg == nil || bg == 0)), "\(name) \(role) at \(colors) colours is black on black")
                    #expect(fg == nil || fg != bg, "\(name) \(role) at \(colors) colours is drawn in its background colour")
                }
            }
        }
        // The default theme's dim text (245) would fit to black with 8 colours
        #expect(ThemeColor.index(240).fitted(to: 8) == 0)
        #expect(try Theme.load("default").style(.outsideHours).fitted(to: 8).foreground == nil)
    }
}
