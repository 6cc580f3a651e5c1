import ArgumentParser
import SumiCore
#if canImport(Glibc)
import Glibc
#endif

struct Sumi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sumi",
        abstract: "Find personal and special care-required data in Japanese and English text, and de-identify it.",
        discussion: "Exit status: 0 nothing found (or success), 1 findings (or a check that failed), 2 error.",
        version: SumiVersion.current,
        subcommands: [ScanCommand.self, RedactCommand.self, AnonymizeCommand.self, ReidentifyCommand.self, MapCommand.self, ExplainCommand.self, RulesCommand.self, BenchCommand.self]
    )
}

// Usage errors exit with 2 like every other error (ArgumentParser's default is 64), so scripts
// can rely on 0 clean, 1 findings, 2 error.
do {
    var command = try Sumi.parseAsRoot()
    try command.run()
} catch {
    let code = Sumi.exitCode(for: error)
    if code.rawValue == 64 {
        let message = Sumi.fullMessage(for: error)
        if !message.isEmpty { fputs(message + "\n", stderr) }
        exit(2)
    }
    Sumi.exit(withError: error)
}
