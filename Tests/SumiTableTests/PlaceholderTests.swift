import XCTest
@testable import SumiTable
final class PlaceholderTests: XCTestCase { func testModuleLoads() { XCTAssertNotNil(SumiTable.self) } }
