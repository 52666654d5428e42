import Testing
import TestSupport

/// The interop suite depends on DCMTK; when it is missing every interop test fails, and this
/// one says why in one line.
@Test("DCMTK's tools and the pacslink binary are present")
func toolsPresent() throws {
    for tool in ["echoscu", "storescu", "storescp", "findscu", "movescu", "getscu", "dcmqrscp",
                 "dcmqridx", "dcmdump", "dump2dcm", "img2dcm", "dcm2json"] {
        _ = try DCMTK.tool(tool)
    }
    _ = try BuiltProducts.pacslink()
}
