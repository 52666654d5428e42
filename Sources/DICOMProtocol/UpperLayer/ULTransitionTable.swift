/// PS3.8 §9.2.3, Table 9-10 "DICOM Upper Layer Protocol State Transition Table", as data: one
/// row per event, one column per state, `nil` where the standard leaves the cell empty.
public enum ULTransitionTable {
    /// The action PS3.8 Table 9-10 assigns to `event` in `state`, or `nil` for an empty cell.
    public static func action(for event: ULEvent, in state: ULState) -> ULAction? {
        rows[event.number - 1][state.rawValue - 1]
    }

    private static let rows: [[ULAction?]] = [
        //         Sta1  Sta2  Sta3  Sta4  Sta5  Sta6  Sta7  Sta8  Sta9  Sta10 Sta11 Sta12 Sta13
        /* Evt1  */ [.ae1, nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        /* Evt2  */ [nil,  nil,  nil,  .ae2, nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        /* Evt3  */ [nil,  .aa1, .aa8, nil,  .ae3, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa6],
        /* Evt4  */ [nil,  .aa1, .aa8, nil,  .ae4, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa6],
        /* Evt5  */ [.ae5, nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        /* Evt6  */ [nil,  .ae6, .aa8, nil,  .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa7],
        /* Evt7  */ [nil,  nil,  .ae7, nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        /* Evt8  */ [nil,  nil,  .ae8, nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        /* Evt9  */ [nil,  nil,  nil,  nil,  nil,  .dt1, nil,  .ar7, nil,  nil,  nil,  nil,  nil],
        /* Evt10 */ [nil,  .aa1, .aa8, nil,  .aa8, .dt2, .ar6, .aa8, .aa8, .aa8, .aa8, .aa8, .aa6],
        /* Evt11 */ [nil,  nil,  nil,  nil,  nil,  .ar1, nil,  nil,  nil,  nil,  nil,  nil,  nil],
        /* Evt12 */ [nil,  .aa1, .aa8, nil,  .aa8, .ar2, .ar8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa6],
        /* Evt13 */ [nil,  .aa1, .aa8, nil,  .aa8, .aa8, .ar3, .aa8, .aa8, .ar10, .ar3, .aa8, .aa6],
        /* Evt14 */ [nil,  nil,  nil,  nil,  nil,  nil,  nil,  .ar4, .ar9, nil,  nil,  .ar4, nil],
        /* Evt15 */ [nil,  nil,  .aa1, .aa2, .aa1, .aa1, .aa1, .aa1, .aa1, .aa1, .aa1, .aa1, nil],
        /* Evt16 */ [nil,  .aa2, .aa3, nil,  .aa3, .aa3, .aa3, .aa3, .aa3, .aa3, .aa3, .aa3, .aa2],
        /* Evt17 */ [nil,  .aa5, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .ar5],
        /* Evt18 */ [nil,  .aa2, nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  .aa2],
        /* Evt19 */ [nil,  .aa1, .aa8, nil,  .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa7],
    ]
}
