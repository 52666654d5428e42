import Testing
@testable import PACSLink

@Test("the version is a semantic version")
func versionIsSemantic() {
    #expect(PACSLinkVersion.string.split(separator: ".").count == 3)
}
