import ArgumentParser
import Foundation
import SlateCore
import SlateStore

/// `slate batch`: many commands in one process, each its own command (transaction,
/// checks and audit), one result line each.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run commands read from standard input, one per line, each as its own command.",
        discussion: """
            Each line holds the words of a slate command (quoted as in a shell: book "Stage A" --from ...)
            or a JSON array of them (["book", "Stage A", "--from", ...]); blank lines and lines starting
            with # are skipped. The batch's --db applies to every line. One result line is written per
            command: `ok <output>` or `error <exit status> <message>` (with --json, one JSON object per
            line). A failing line is reported and the rest continue, unless --stop-on-error.
            Exit status: 0 when every command succeeded, else that of the first failure.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Stop at the first command that fails.") var stopOnError = false

    func run() throws {
        let outer = global.environment
        let cache = WorkspaceCache()
        var first: Int32 = 0
        var number = 0
        while let raw = outer.input.next() {
            number += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let status: Int32
            let words: [String]
            do {
                words = try BatchLine.words(line)
            } catch let error as SlateError {
                report(number, status: ExitStatus.badInput.rawValue, output: "", error: error.description)
                if first == 0 { first = ExitStatus.badInput.rawValue }
                if stopOnError { break } else { continue }
            }
            if let name = words.first, ["batch", "ui", "demo", "init"].contains(name) {
                status = ExitStatus.badInput.rawValue
                report(number, status: status, output: "", error: "Bad input: `\(name)` cannot run inside a batch")
            } else {
                var environment = outer
                environment.output = .buffer()
                environment.workspaces = cache
                let arguments = words + (global.db.map { ["--db", $0] } ?? []) + (global.json ? ["--json"] : [])
                status = SlateCLI.run(arguments, environment: environment)
                report(number, status: status, output: environment.output.stdout, error: environment.output.stderr)
            }
            if status != 0, first == 0 { first = status }
            if status != 0, stopOnError { break }
        }
        for workspace in cache.all { outer.output.opened(workspace) }
        if first != 0 { throw ExitCode(first) }
    }

    /// Writes one command's result as one line.
    private func report(_ number: Int, status: Int32, output: String, error: String) {
        let out = output.trimmingCharacters(in: .whitespacesAndNewlines)
        let err = error.trimmingCharacters(in: .whitespacesAndNewlines)
        if global.json {
            let result = out.isEmpty ? "null" : out.replacingOccurrences(of: "\n", with: " ")
            let message = err.isEmpty ? "" : ",\"message\":" + JSONOutput.encode(err)
            global.out("{\"line\":\(number),\"status\":\(status),\"result\":\(result)\(message)}")
        } else if status == 0 {
            global.out("ok " + out.replacingOccurrences(of: "\n", with: " | "))
        } else {
            global.out("error \(status) line \(number): " + err.replacingOccurrences(of: "\n", with: " | "))
        }
    }
}

/// Splitting a batch line into the words of a command.
enum BatchLine {
    /// A JSON array of strings, or words as a shell splits them: spaces separate, single and
    /// double quotes group, a backslash escapes the next character.
    static func words(_ line: String) throws -> [String] {
        if line.hasPrefix("[") {
            guard let words = try? JSONDecoder().decode([String].self, from: Data(line.utf8)) else {
                throw SlateError.invalidInput("the line is not a JSON array of strings")
            }
            return words
        }
        var words: [String] = []
        var current = ""
        var started = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\", quote != "'" {
                escaped = true
                started = true
            } else if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                started = true
            } else if character == " " || character == "\t" {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        guard quote == nil, !escaped else { throw SlateError.invalidInput("the line ends inside a quote or after a backslash") }
        if started { words.append(current) }
        return words
    }
}
