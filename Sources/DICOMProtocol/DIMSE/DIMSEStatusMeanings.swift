/// The meanings of status codes: PS3.7 Annex C (general) and the service-specific codes of
/// PS3.4 Annex B (Storage) and Annex C (Query/Retrieve), which give some codes (0xB000,
/// 0xCxxx) different meanings per service.
enum DIMSEStatusMeanings {
    enum Service {
        case storage, find, move, get

        init?(_ command: CommandField) {
            switch command {
            case .cStoreRQ, .cStoreRSP: self = .storage
            case .cFindRQ, .cFindRSP: self = .find
            case .cMoveRQ, .cMoveRSP: self = .move
            case .cGetRQ, .cGetRSP: self = .get
            default: return nil
            }
        }
    }

    private struct Rule {
        let services: [Service]  // empty: any service
        let codes: ClosedRange<UInt16>
        let meaning: String
    }

    /// The first rule that matches wins: service-specific rules come before general ones.
    static func meaning(of code: UInt16, in service: Service?) -> String? {
        rules.first { rule in
            rule.codes.contains(code) && (rule.services.isEmpty || service.map(rule.services.contains) == true)
        }?.meaning
    }

    private static let rules: [Rule] = [
        // PS3.4 §B.2.3 Storage.
        Rule(services: [.storage], codes: 0xA700...0xA7FF, meaning: "Refused: Out of Resources"),
        Rule(services: [.storage], codes: 0xA900...0xA9FF, meaning: "Error: Data Set does not match SOP Class"),
        Rule(services: [.storage], codes: 0xC000...0xCFFF, meaning: "Error: Cannot understand"),
        Rule(services: [.storage], codes: 0xB000...0xB000, meaning: "Warning: Coercion of Data Elements"),
        Rule(services: [.storage], codes: 0xB006...0xB006, meaning: "Warning: Elements Discarded"),
        Rule(services: [.storage], codes: 0xB007...0xB007, meaning: "Warning: Data Set does not match SOP Class"),
        Rule(services: [.storage], codes: 0x0000...0x0000, meaning: "Success: stored"),
        // PS3.4 §C.4.1.1.4 C-FIND.
        Rule(services: [.find], codes: 0xFF00...0xFF00, meaning: "Pending: matches are continuing"),
        Rule(services: [.find], codes: 0xFF01...0xFF01, meaning: "Pending: matches are continuing; one or more optional keys were not supported"),
        Rule(services: [.find], codes: 0xFE00...0xFE00, meaning: "Cancel: matching terminated due to a cancel request"),
        Rule(services: [.find], codes: 0x0000...0x0000, meaning: "Success: matching is complete"),
        // PS3.4 §C.4.2.1.5 C-MOVE, §C.4.3.1.4 C-GET.
        Rule(services: [.move, .get], codes: 0xA701...0xA701, meaning: "Refused: Out of Resources – unable to calculate the number of matches"),
        Rule(services: [.move, .get], codes: 0xA702...0xA702, meaning: "Refused: Out of Resources – unable to perform sub-operations"),
        Rule(services: [.move, .get], codes: 0xB000...0xB000, meaning: "Warning: sub-operations complete – one or more failures or warnings"),
        Rule(services: [.move, .get], codes: 0xFF00...0xFF00, meaning: "Pending: sub-operations are continuing"),
        Rule(services: [.move, .get], codes: 0xFE00...0xFE00, meaning: "Cancel: sub-operations terminated due to a cancel indication"),
        Rule(services: [.move, .get], codes: 0x0000...0x0000, meaning: "Success: sub-operations complete – no failures"),
        // Query/retrieve, every model (PS3.4 §C.4).
        Rule(services: [.find, .move, .get], codes: 0xA700...0xA700, meaning: "Refused: Out of Resources"),
        Rule(services: [.find, .move, .get], codes: 0xA900...0xA900, meaning: "Error: Identifier does not match SOP Class"),
        Rule(services: [.find, .move, .get], codes: 0xC000...0xCFFF, meaning: "Failed: Unable to process"),
        // Unambiguous whatever the service.
        Rule(services: [], codes: 0xA801...0xA801, meaning: "Refused: Move Destination unknown – the SCP has no address for the destination AE title; ask its administrator to register our AE title, host and listen port"),
        Rule(services: [], codes: 0xFF00...0xFF01, meaning: "Pending"),
        Rule(services: [], codes: 0xFE00...0xFE00, meaning: "Cancel"),
        Rule(services: [], codes: 0x0000...0x0000, meaning: "Success"),
        Rule(services: [], codes: 0xA700...0xA7FF, meaning: "Refused: Out of Resources"),
        Rule(services: [], codes: 0xA900...0xA9FF, meaning: "Error: Data Set or Identifier does not match SOP Class"),
        Rule(services: [], codes: 0xC000...0xCFFF, meaning: "Error: Cannot understand / Unable to process"),
        // PS3.7 Annex C general codes.
        Rule(services: [], codes: 0x0001...0x0001, meaning: "Warning (service-class specific)"),
        Rule(services: [], codes: 0x0105...0x0105, meaning: "Failure: No such attribute"),
        Rule(services: [], codes: 0x0106...0x0106, meaning: "Failure: Invalid attribute value"),
        Rule(services: [], codes: 0x0107...0x0107, meaning: "Warning: Attribute list error"),
        Rule(services: [], codes: 0x0110...0x0110, meaning: "Failure: Processing failure"),
        Rule(services: [], codes: 0x0111...0x0111, meaning: "Failure: Duplicate SOP Instance"),
        Rule(services: [], codes: 0x0112...0x0112, meaning: "Failure: No such SOP Instance"),
        Rule(services: [], codes: 0x0113...0x0113, meaning: "Failure: No such event type"),
        Rule(services: [], codes: 0x0114...0x0114, meaning: "Failure: No such argument"),
        Rule(services: [], codes: 0x0115...0x0115, meaning: "Failure: Invalid argument value"),
        Rule(services: [], codes: 0x0116...0x0116, meaning: "Warning: Attribute Value Out of Range"),
        Rule(services: [], codes: 0x0117...0x0117, meaning: "Failure: Invalid object instance"),
        Rule(services: [], codes: 0x0118...0x0118, meaning: "Failure: No such SOP Class"),
        Rule(services: [], codes: 0x0119...0x0119, meaning: "Failure: Class-instance conflict"),
        Rule(services: [], codes: 0x0120...0x0120, meaning: "Failure: Missing attribute"),
        Rule(services: [], codes: 0x0121...0x0121, meaning: "Failure: Missing attribute value"),
        Rule(services: [], codes: 0x0122...0x0122, meaning: "Refused: SOP Class not supported"),
        Rule(services: [], codes: 0x0123...0x0123, meaning: "Failure: No such action"),
        Rule(services: [], codes: 0x0124...0x0124, meaning: "Refused: Not authorized"),
        Rule(services: [], codes: 0x0210...0x0210, meaning: "Failure: Duplicate invocation"),
        Rule(services: [], codes: 0x0211...0x0211, meaning: "Failure: Unrecognized operation"),
        Rule(services: [], codes: 0x0212...0x0212, meaning: "Failure: Mistyped argument"),
        Rule(services: [], codes: 0x0213...0x0213, meaning: "Failure: Resource limitation"),
        Rule(services: [], codes: 0xB000...0xBFFF, meaning: "Warning"),
    ]
}
