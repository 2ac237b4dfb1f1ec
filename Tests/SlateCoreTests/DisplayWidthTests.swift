import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore

@Suite("Display widths agree with the terminal")
struct DisplayWidthTests {
    /// The C library's wcwidth under C.UTF-8 (what ncurses uses to place text).
    static func libcWidth() -> ((UInt32) -> Int32)? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"),
              let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { return nil }
        typealias WCWidth = @convention(c) (Int32) -> Int32
        let wcwidth = unsafeBitCast(symbol, to: WCWidth.self)
        return { value in
            let previous = uselocale(locale)
            defer { uselocale(previous) }
            return wcwidth(Int32(bitPattern: value))
        }
    }

    @Test func everyCodePointHasTheWidthWcwidthGivesIt() throws {
        let wcwidth = try #require(Self.libcWidth())
        var differences: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Int(wcwidth(value))
            if DisplayWidth.of(scalar) != expected { differences.append(String(value, radix: 16)) }
        }
        #expect(differences.isEmpty, "\(differences.count) code points differ, first: \(differences.prefix(10))")
    }

    @Test func joinedEmojiFlagsAndSkinTonesAreShownAsTheirCountedParts() {
        #expect(DisplayWidth.shown("👨‍👩‍👧‍👦") == "👨👩👧👦")
        #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 8)
        #expect(DisplayWidth.shown("🇫🇷 Paris") == "FR Paris")
        #expect(DisplayWidth.shown("👍🏽❤️") == "👍❤")
        #expect(DisplayWidth.of("Ngozi Adébáyọ̀") == 13)
        #expect(DisplayWidth.of("王芳") == 4)
    }

    @Test func controlsAndBidiControlsAreEscaped() {
        #expect(DisplayWidth.shown("a\u{1b}]0;x\u{7}b") == "a\\u{1b}]0;x\\u{7}b")
        #expect(DisplayWidth.shown("evil\u{202e}txt.exe") == "evil\\u{202e}txt.exe")
        #expect(DisplayWidth.shown("c1\u{9b}31m") == "c1\\u{9b}31m")
        #expect(TextInput.printable("\u{2066}x\u{2069}") == "\\u{2066}x\\u{2069}")
        #expect(failure { _ = try TextInput.name("Stage \u{202e}A") } == "invalid_input")
    }

    @Test func outsideUTF8NamesAreTransliteratedKeepingTheirWidth() {
        #expect(DisplayWidth.shown("Chloé", ascii: true) == "Chloe")
        #expect(DisplayWidth.shown("Ngozi Adébáyọ̀", ascii: true) == "Ngozi Adebayo")
        #expect(DisplayWidth.shown("王芳 🎤", ascii: true) == "???? ??")
        // Money keeps its meaning outside UTF-8: French thousands, the euro's letter
        #expect(DisplayWidth.shown("1\u{202F}000,00\u{00A0}€ ★ 4.5", ascii: true) == "1 000,00 E * 4.5")
        #expect(DisplayWidth.shown("Straße · ok…", ascii: true) == "Strase . ok.")
        for text in ["Chloé", "王芳 🎤", "Zoë 🎤 Park", "👨‍👩‍👧‍👦"] {
            let ascii = DisplayWidth.shown(text, ascii: true)
            #expect(ascii.utf8.allSatisfy { $0 < 0x80 })
            #expect(DisplayWidth.of(ascii) == DisplayWidth.of(text), "\(text)")
        }
    }
}
