import ArgumentParser

struct Sumi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sumi",
        abstract: "Find personal and special care-required data in Japanese and English text, and de-identify it.",
        version: "0.1.0",
        subcommands: [ScanCommand.self, ExplainCommand.self, RulesCommand.self, BenchCommand.self]
    )
}

Sumi.main()
