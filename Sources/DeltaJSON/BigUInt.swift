/// A minimal unsigned big integer for the rare exact paths of `JSONNumber`
/// (integers beyond `Int64`, `multipleOf` when a double quotient overflows).
///
/// Only what those paths need: construction, comparison, shifting, subtraction
/// and remainder. Not optimised; typical inputs are a few limbs.
struct BigUInt: Sendable, Equatable {
    /// Little-endian base-2^32 limbs with no trailing zero limbs.
    private(set) var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalize()
    }

    /// The magnitude of a JSON integer literal (an optional `-` then digits).
    init(decimalDigitsOf literal: String) {
        limbs = []
        for byte in literal.utf8 where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            multiplyAdd(10, UInt32(byte - UInt8(ascii: "0")))
        }
    }

    var isZero: Bool { limbs.isEmpty }

    private var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 32 - top.leadingZeroBitCount
    }

    private func bit(_ index: Int) -> Bool {
        (limbs[index / 32] >> UInt32(index % 32)) & 1 == 1
    }

    private mutating func normalize() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    private mutating func multiplyAdd(_ factor: UInt32, _ addend: UInt32) {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// -1, 0 or 1.
    func compare(to other: BigUInt) -> Int {
        if limbs.count != other.limbs.count { return limbs.count < other.limbs.count ? -1 : 1 }
        for index in limbs.indices.reversed() where limbs[index] != other.limbs[index] {
            return limbs[index] < other.limbs[index] ? -1 : 1
        }
        return 0
    }

    /// self * 2^count.
    func shiftedLeft(by count: Int) -> BigUInt {
        guard !isZero, count > 0 else { return self }
        var result = BigUInt(0)
        result.limbs = Array(repeating: 0, count: count / 32)
        let shift = UInt32(count % 32)
        var carry: UInt32 = 0
        for limb in limbs {
            result.limbs.append(shift == 0 ? limb : (limb << shift) | carry)
            carry = shift == 0 ? 0 : limb >> (32 - shift)
        }
        result.limbs.append(carry)
        result.normalize()
        return result
    }

    /// self / 2^count, rounded down.
    func shiftedRight(by count: Int) -> BigUInt {
        guard count > 0 else { return self }
        var result = BigUInt(0)
        for index in stride(from: bitWidth - 1, through: count, by: -1) where bit(index) {
            result.setBit(index - count)
        }
        return result
    }

    private mutating func setBit(_ index: Int) {
        while limbs.count <= index / 32 { limbs.append(0) }
        limbs[index / 32] |= 1 << UInt32(index % 32)
    }

    /// self -= other; requires self >= other.
    private mutating func subtract(_ other: BigUInt) {
        var borrow: Int64 = 0
        for index in limbs.indices {
            var difference = Int64(limbs[index]) - borrow - (index < other.limbs.count ? Int64(other.limbs[index]) : 0)
            borrow = 0
            if difference < 0 {
                difference += 1 << 32
                borrow = 1
            }
            limbs[index] = UInt32(difference)
        }
        normalize()
    }

    /// self mod divisor (bitwise long division); divisor must be non-zero.
    func remainder(dividingBy divisor: BigUInt) -> BigUInt {
        precondition(!divisor.isZero, "division by zero")
        var remainder = BigUInt(0)
        for index in stride(from: bitWidth - 1, through: 0, by: -1) {
            remainder = remainder.shiftedLeft(by: 1)
            if bit(index) {
                if remainder.isZero { remainder.limbs = [1] } else { remainder.limbs[0] |= 1 }
            }
            if remainder.compare(to: divisor) >= 0 { remainder.subtract(divisor) }
        }
        return remainder
    }
}

/// A non-negative dyadic rational mantissa * 2^exponent: the exact value of any
/// finite double or integer.
struct Dyadic: Sendable {
    var mantissa: BigUInt
    var exponent: Int

    init(mantissa: BigUInt, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The magnitude of a finite double; nil for infinity or NaN.
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        let magnitude = value.magnitude
        let fraction = magnitude.significandBitPattern
        if magnitude.isNormal {
            mantissa = BigUInt(fraction | (1 << 52))
            exponent = Int(magnitude.exponentBitPattern) - 1075
        } else {
            mantissa = BigUInt(fraction)
            exponent = -1074
        }
    }

    /// The value rounded down to an integer.
    var integerValue: BigUInt {
        exponent >= 0 ? mantissa.shiftedLeft(by: exponent) : mantissa.shiftedRight(by: -exponent)
    }

    /// Whether `value` is a whole multiple of `step` (`step` non-zero).
    static func divides(_ step: Dyadic, _ value: Dyadic) -> Bool {
        if value.mantissa.isZero { return true }
        let common = min(step.exponent, value.exponent)
        let scaledValue = value.mantissa.shiftedLeft(by: value.exponent - common)
        let scaledStep = step.mantissa.shiftedLeft(by: step.exponent - common)
        guard !scaledStep.isZero else { return false }
        return scaledValue.remainder(dividingBy: scaledStep).isZero
    }
}
