import ArgumentParser
import Foundation
import SlateCore
import SlateStore

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Workspace file (default: $SLATE_DB, else $XDG_DATA_HOME/slate/workspace.slate).")
    var db: String?

    @Flag(help: "Print machine-readable JSON.")
    var json = false

    @Flag(help: "Print a listing as CSV (RFC 4180: a header row, every column of the listing).")
    var csv = false

    var environment: RunEnvironment { RunEnvironment.current }

    /// The workspace path: --db, else SLATE_DB, else one under XDG_DATA_HOME.
    var path: String {
        if let db, !db.isEmpty { return db }
        let variables = environment.variables
        if let env = variables["SLATE_DB"], !env.isEmpty { return env }
        return Self.dataDirectory(variables) + "/workspace.slate"
    }

    static func dataDirectory(_ variables: [String: String]) -> String {
        let base = variables["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((variables["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return base + "/slate"
    }

    var workspaceOptions: Workspace.Options {
        var options = Workspace.Options()
        if let pause = environment.variables["SLATE_FAULT_PAUSE_MS"].flatMap(Double.init) { options.pauseBeforeCommit = pause / 1000 }
        return options
    }

    /// Opens the workspace as the invoking OS account (checkpointed when the run ends).
    func session() throws -> Session {
        let workspace: Workspace
        if let cache = environment.workspaces {
            // In a batch the workspace stays open; the batch checkpoints it once at the end.
            workspace = try cache.workspace(at: path, options: workspaceOptions)
        } else {
            workspace = try Workspace.open(at: path, options: workspaceOptions)
            environment.output.opened(workspace)
        }
        return Session(workspace: workspace, login: environment.login, clock: environment.clock)
    }

    /// Prints a command's result line (or plan), warnings, or `--json`.
    func emit<T: Sendable & Encodable>(_ outcome: Outcome<T>, _ line: (T) -> String) {
        let output = environment.output
        if json {
            output.out(JSONOutput.encode(OutcomeJSON(result: outcome.value, command: outcome.commandUID, planned: outcome.planned,
                                                    changes: outcome.changes, warnings: outcome.warnings.map(\.message))))
        } else {
            if outcome.planned {
                output.out("Plan (nothing written): \(Plural.count(outcome.changes.count, "change"))")
                for change in outcome.changes { output.out("  " + TextInput.printable(change.summary, limit: 300)) }
            } else {
                // A result of several lines (moved phases, imported keys) is printed line by line.
                for text in line(outcome.value).split(separator: "\n", omittingEmptySubsequences: false) {
                    output.out(TextInput.printable(String(text), limit: 400))
                }
            }
            for warning in outcome.warnings { output.err("warning: " + TextInput.printable(warning.message, limit: 400)) }
        }
    }

    /// Prints typed rows: their JSON with `--json`, else an aligned table of `columns`
    /// (default: all of them).
    func emit<Row: ReadModel>(_ rows: [Row], columns: [String]? = nil, empty: String = "nothing to show") {
        if json {
            environment.output.out(JSONOutput.encode(rows))
            return
        }
        let records = rows.map(\.listing)
        if csv {
            guard let first = records.first else { return }
            let names = first.fields.map(\.name)
            environment.output.out(names.map(Self.csvField).joined(separator: ","))
            for record in records { environment.output.out(record.fields.map { Self.csvField($0.value.csvText) }.joined(separator: ",")) }
            return
        }
        let output = environment.output
        guard let first = records.first else {
            output.out(empty)
            return
        }
        let names = columns ?? first.fields.map(\.name)
        let cells = records.map { record in names.map { TextInput.printable(record[$0] ?? "", limit: 60) } }
        let widths = names.indices.map { index in
            min(40, max(DisplayWidth.of(names[index]), cells.map { DisplayWidth.of($0[index]) }.max() ?? 0))
        }
        func line(_ values: [String]) -> String {
            var text = ""
            for (index, value) in values.enumerated() {
                text += index == values.count - 1 ? DisplayWidth.truncate(value, to: widths[index]) : DisplayWidth.pad(value, to: widths[index]) + "  "
            }
            return text
        }
        output.out(line(names.map { $0.uppercased() }))
        for row in cells { output.out(line(row)) }
    }

    func out(_ text: String) { environment.output.out(text) }

    /// One CSV field: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The `--json` shape of a command's outcome.
struct OutcomeJSON<T: Encodable>: Encodable {
    var result: T
    var command: String?
    var planned: Bool
    var changes: [Change]
    var warnings: [String]
}

/// `--from` / `--to` style options.
struct PeriodOptions: ParsableArguments {
    @Option(help: "Start, local time in the studio's zone (2026-12-03T14:00).")
    var from: String

    @Option(help: "End (exclusive), local time (2026-12-03T16:00).")
    var to: String
}
