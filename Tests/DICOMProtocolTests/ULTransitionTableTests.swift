import Testing
@testable import DICOMProtocol

/// PS3.8 Table 9-10 transcribed a second time, as text, independently of the implementation's
/// table: each cell of the implementation is checked against this grid. "-" is an empty cell.
private let table9_10 = """
          Sta1 Sta2 Sta3 Sta4 Sta5 Sta6 Sta7 Sta8 Sta9 Sta10 Sta11 Sta12 Sta13
    Evt1  AE-1 -    -    -    -    -    -    -    -    -     -     -     -
    Evt2  -    -    -    AE-2 -    -    -    -    -    -     -     -     -
    Evt3  -    AA-1 AA-8 -    AE-3 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-6
    Evt4  -    AA-1 AA-8 -    AE-4 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-6
    Evt5  AE-5 -    -    -    -    -    -    -    -    -     -     -     -
    Evt6  -    AE-6 AA-8 -    AA-8 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-7
    Evt7  -    -    AE-7 -    -    -    -    -    -    -     -     -     -
    Evt8  -    -    AE-8 -    -    -    -    -    -    -     -     -     -
    Evt9  -    -    -    -    -    DT-1 -    AR-7 -    -     -     -     -
    Evt10 -    AA-1 AA-8 -    AA-8 DT-2 AR-6 AA-8 AA-8 AA-8  AA-8  AA-8  AA-6
    Evt11 -    -    -    -    -    AR-1 -    -    -    -     -     -     -
    Evt12 -    AA-1 AA-8 -    AA-8 AR-2 AR-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-6
    Evt13 -    AA-1 AA-8 -    AA-8 AA-8 AR-3 AA-8 AA-8 AR-10 AR-3  AA-8  AA-6
    Evt14 -    -    -    -    -    -    -    AR-4 AR-9 -     -     AR-4  -
    Evt15 -    -    AA-1 AA-2 AA-1 AA-1 AA-1 AA-1 AA-1 AA-1  AA-1  AA-1  -
    Evt16 -    AA-2 AA-3 -    AA-3 AA-3 AA-3 AA-3 AA-3 AA-3  AA-3  AA-3  AA-2
    Evt17 -    AA-5 AA-4 AA-4 AA-4 AA-4 AA-4 AA-4 AA-4 AA-4  AA-4  AA-4  AR-5
    Evt18 -    AA-2 -    -    -    -    -    -    -    -     -     -     AA-2
    Evt19 -    AA-1 AA-8 -    AA-8 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-7
    """

/// The next state of every action, transcribed from PS3.8 Tables 9-6 to 9-9. AE-6 and AR-8
/// have two: AE-6 "acceptable|not acceptable", AR-8 "requestor|acceptor".
private let nextStates = """
    AE-1 Sta4   AE-2 Sta5   AE-3 Sta6   AE-4 Sta1   AE-5 Sta2   AE-6 Sta3|Sta13
    AE-7 Sta6   AE-8 Sta13  DT-1 Sta6   DT-2 Sta6
    AR-1 Sta7   AR-2 Sta8   AR-3 Sta1   AR-4 Sta13  AR-5 Sta1   AR-6 Sta7   AR-7 Sta8
    AR-8 Sta9|Sta10         AR-9 Sta11  AR-10 Sta12
    AA-1 Sta13  AA-2 Sta1   AA-3 Sta1   AA-4 Sta1   AA-5 Sta1   AA-6 Sta13  AA-7 Sta13
    AA-8 Sta13
    """

/// One instance of each event, Evt1 … Evt19.
private let events: [ULEvent] = [
    .evt1, .evt2, .evt3, .evt4, .evt5, .evt6(acceptable: true), .evt7, .evt8, .evt9, .evt10,
    .evt11, .evt12, .evt13, .evt14, .evt15, .evt16(source: .serviceUser), .evt17, .evt18, .evt19,
]

private struct Grid {
    /// cells[event - 1][state - 1]: the action's name, or nil for an empty cell.
    let cells: [[String?]]

    init(_ text: String) {
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        cells = lines.dropFirst().map { row in row.dropFirst().map { $0 == "-" ? nil : $0 } }
    }
}

private func parseNextStates() -> [String: [String]] {
    let words = nextStates.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    var result: [String: [String]] = [:]
    for pair in stride(from: 0, to: words.count, by: 2) {
        result[words[pair]] = words[pair + 1].split(separator: "|").map(String.init)
    }
    return result
}

@Suite("PS3.8 9.2 state transition table")
struct ULTransitionTableTests {
    @Test("PS3.8 Table 9-10 transcription is complete: 19 events by 13 states")
    func transcriptionShape() {
        let grid = Grid(table9_10)
        #expect(grid.cells.count == 19)
        #expect(grid.cells.allSatisfy { $0.count == 13 })
        #expect(events.map(\.number) == Array(1...19))
        #expect(parseNextStates().count == ULAction.allCases.count)
    }

    @Test("PS3.8 Table 9-10 every one of the 247 cells names the standard's action")
    func everyCell() {
        let grid = Grid(table9_10)
        var checked = 0
        for (e, event) in events.enumerated() {
            for state in ULState.allCases {
                let expected = grid.cells[e][state.rawValue - 1]
                let actual = ULTransitionTable.action(for: event, in: state)?.description
                #expect(actual == expected, "\(event) in \(state)")
                checked += 1
            }
        }
        #expect(checked == 247)
    }

    @Test("PS3.8 Tables 9-6 to 9-9 every cell moves to its action's next state, empty cells stay")
    func everyCellNextState() {
        let grid = Grid(table9_10)
        let next = parseNextStates()
        for (e, event) in events.enumerated() {
            for state in ULState.allCases {
                var machine = ULStateMachine(
                    state: state, role: .requestor, isARTIMRunning: state == .sta2 || state == .sta13)
                let outputs = machine.handle(event)
                guard let action = grid.cells[e][state.rawValue - 1] else {
                    #expect(outputs == [.eventNotPermitted(event, in: state)], "\(event) in \(state)")
                    #expect(machine.state == state)
                    continue
                }
                // For AE-6 and AR-8 the first next state is the one for an acceptable
                // A-ASSOCIATE-RQ and for the association-requestor.
                #expect(machine.state.description == next[action]?.first, "\(event) in \(state)")
                #expect(!outputs.contains { if case .eventNotPermitted = $0 { true } else { false } })
            }
        }
    }

    @Test("PS3.8 Table 9-8 AR-8 goes to Sta10 on the acceptor side, AE-6 to Sta13 on rejection")
    func conditionalNextStates() {
        let next = parseNextStates()
        var acceptor = ULStateMachine(state: .sta7, role: .acceptor, isARTIMRunning: false)
        _ = acceptor.handle(.evt12)
        #expect(acceptor.state.description == next["AR-8"]?.last)
        var rejecting = ULStateMachine(state: .sta2, role: .acceptor, isARTIMRunning: true)
        _ = rejecting.handle(.evt6(acceptable: false))
        #expect(rejecting.state.description == next["AE-6"]?.last)
    }
}
