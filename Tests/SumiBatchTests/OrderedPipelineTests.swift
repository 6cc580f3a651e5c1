import Foundation
import XCTest
@testable import SumiBatch

final class OrderedPipelineTests: XCTestCase {
    /// Results arrive in index order although workers finish out of order, and no more than
    /// `window` results are ever waiting.
    func testResultsInOrderWithinTheWindow() {
        let lock = NSLock()
        var inFlight = 0, maxInFlight = 0
        var seen: [Int] = []
        var workersUsed = Set<Int>()
        OrderedPipeline.run(count: 500, workers: 3, window: 8, work: { i, w in
            lock.lock(); inFlight += 1; maxInFlight = max(maxInFlight, inFlight); workersUsed.insert(w); lock.unlock()
            if i % 7 == 0 { usleep(2000) }   // some items are slow
            return i * 10
        }) { i, r in
            XCTAssertEqual(r, i * 10)
            seen.append(i)
            lock.lock(); inFlight -= 1; lock.unlock()
        }
        XCTAssertEqual(seen, Array(0..<500))
        XCTAssertLessThanOrEqual(maxInFlight, 8 + 1, "the window, plus the one being consumed")
        XCTAssertTrue(workersUsed.isSubset(of: [0, 1, 2]))
    }

    func testEmptyAndSingleWorker() {
        var n = 0
        OrderedPipeline.run(count: 0, workers: 4, window: 4, work: { i, _ in i }) { _, _ in n += 1 }
        XCTAssertEqual(n, 0)
        var got: [Int] = []
        OrderedPipeline.run(count: 5, workers: 1, window: 1, work: { i, w in i + w }) { _, r in got.append(r) }
        XCTAssertEqual(got, [0, 1, 2, 3, 4])
    }

    /// With a cost budget, costly items shorten the window; an item costlier than the whole
    /// budget still runs when nothing else waits.
    func testCostBudgetBoundsWhatWaits() {
        let lock = NSLock()
        var held = 0, maxHeld = 0
        var heavyHeld = false
        var order: [Int] = []
        let cost: (Int) -> Int = { $0 == 10 ? 1000 : 10 }
        OrderedPipeline.run(count: 40, workers: 2, window: 100, budget: 50, cost: cost, work: { i, _ in
            // The costly item itself may be claimed alone and may still be in the consumer's hands
            // when the next items are claimed: measure what waits besides it.
            lock.lock(); held += cost(i); if i != 10 { maxHeld = max(maxHeld, held - (heavyHeld ? 1000 : 0)) }
            if i == 10 { heavyHeld = true }; lock.unlock()
            usleep(500)
            return i
        }) { i, r in
            order.append(r)
            lock.lock(); held -= cost(i); if i == 10 { heavyHeld = false }; lock.unlock()
        }
        XCTAssertEqual(order, Array(0..<40))
        XCTAssertLessThanOrEqual(maxHeld, 50 + 10, "the budget, plus the item being consumed")
    }
}
