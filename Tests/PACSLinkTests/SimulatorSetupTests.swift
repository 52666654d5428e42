import DICOMProtocol
import Foundation
import Testing
import TestSupport

@testable import PACSLink

/// What `pacslink simulate` starts from its options or a simulator file.
@Suite("Simulator setup")
struct SimulatorSetupTests {
    @Test("simulate --count 3: ports P…P+2, AE titles AE, AE2, AE3, each with its own studies")
    func numbered() throws {
        var setup = SimulatorSetup()
        setup.count = 3
        setup.basePort = 12000
        setup.aeTitle = "SIM"
        setup.synthetic = SyntheticStudies(studies: 1, seriesPerStudy: 1, instancesPerSeries: 1, pixelBytes: 16)
        let configurations = try setup.configurations().configurations
        #expect(configurations.map(\.aeTitle) == ["SIM", "SIM2", "SIM3"])
        #expect(configurations.map(\.port) == [12000, 12001, 12002])
        let studies = configurations.map { $0.database.studySummaries.map(\.studyInstanceUID) }
        #expect(Set(studies.flatMap { $0 }).count == 3)
    }

    @Test("PS3.8 9.3.2: a numbered AE title beyond 16 characters, or ports beyond 65535, are refused")
    func limits() {
        var setup = SimulatorSetup()
        setup.count = 2
        setup.aeTitle = "ABCDEFGHIJKLMNOP"
        #expect(throws: FieldError.self) { try setup.configurations() }
        setup.aeTitle = "SIM"
        setup.basePort = 65535
        #expect(throws: FieldError.self) { try setup.configurations() }
    }

    @Test("--destination AE=HOST:PORT, IPv6 in brackets; anything else is refused")
    func destinations() throws {
        let (ae, destination) = try SimulatedPACS.MoveDestination.parse("MOVER=127.0.0.1:11112")
        #expect(ae == "MOVER" && destination == .init(host: "127.0.0.1", port: 11112))
        #expect(try SimulatedPACS.MoveDestination.parse("V6=[::1]:104").destination == .init(host: "::1", port: 104))
        for bad in ["MOVER", "MOVER=host", "=host:1", "MOVER=host:0", "MOVER=:104"] {
            #expect(throws: FieldError.self, "\(bad)") { try SimulatedPACS.MoveDestination.parse(bad) }
        }
    }

    @Test("a simulator file: one [server \"NAME\"] section per simulator; a wrong key is reported with its line")
    func file() throws {
        let directory = try TemporaryDirectory(prefix: "simulator-setup")
        let path = directory.path + "/simulators.ini"
        try """
            [server "ONE"]
            port = 12100
            studies = 1
            series = 1
            instances = 2
            size = 64
            destinations = A=127.0.0.1:1, B=[::1]:2
            omit_move_originator = yes
            response_delay = 0.25
            abort_after = 5

            [server "two"]
            ae_title = TWO
            port = 12101
            studies = 0
            reject = yes
            never_release = on
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let configurations = try SimulatorSetup.configurations(file: path)
        #expect(configurations.map(\.aeTitle) == ["ONE", "TWO"])
        #expect(configurations.map(\.port) == [12100, 12101])
        #expect(configurations[0].database.instanceCount == 2 && configurations[1].database.instanceCount == 0)
        #expect(configurations[0].destinations == ["A": .init(host: "127.0.0.1", port: 1), "B": .init(host: "::1", port: 2)])
        #expect(configurations[0].omitMoveOriginator && configurations[0].misbehaviour.abortAfterOperations == 5)
        #expect(configurations[0].misbehaviour.responseDelay == .milliseconds(250))
        #expect(configurations[1].misbehaviour.rejectAssociations && configurations[1].misbehaviour.neverReleaseSubAssociations)

        try "[server \"X\"]\nport = 1\ncolour = red\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try SimulatorSetup.configurations(file: path)
            Issue.record("accepted an unknown key")
        } catch let error as RegistryError {
            #expect(error.location?.line == 3, "\(error)")
        }
        try "[server \"X\"]\nstudies = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: RegistryError.self) { try SimulatorSetup.configurations(file: path) }
    }
}
