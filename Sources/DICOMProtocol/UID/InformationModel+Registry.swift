// The information models named by the FIND/MOVE/GET SOP classes of PS3.6 Annex A.

extension InformationModel {
    public static let colorPaletteQueryRetrieve = InformationModel(name: "Color Palette Query/Retrieve Information Model")
    public static let compositeInstanceRetrieveWithoutBulkData = InformationModel(name: "Composite Instance Retrieve Without Bulk Data")
    public static let compositeInstanceRoot = InformationModel(name: "Composite Instance Root Retrieve")
    public static let definedProcedureProtocol = InformationModel(name: "Defined Procedure Protocol Information Model")
    public static let generalPurposeWorklist = InformationModel(name: "General Purpose Worklist Information Model")
    public static let genericImplantTemplate = InformationModel(name: "Generic Implant Template Information Model")
    public static let hangingProtocol = InformationModel(name: "Hanging Protocol Information Model")
    public static let implantAssemblyTemplate = InformationModel(name: "Implant Assembly Template Information Model")
    public static let implantTemplateGroup = InformationModel(name: "Implant Template Group Information Model")
    public static let inventory = InformationModel(name: "Inventory")
    public static let modalityWorklist = InformationModel(name: "Modality Worklist Information Model")
    public static let patientRoot = InformationModel(name: "Patient Root Query/Retrieve Information Model")
    public static let patientStudyOnly = InformationModel(name: "Patient/Study Only Query/Retrieve Information Model")
    public static let protocolApproval = InformationModel(name: "Protocol Approval Information Model")
    public static let studyRoot = InformationModel(name: "Study Root Query/Retrieve Information Model")
}
