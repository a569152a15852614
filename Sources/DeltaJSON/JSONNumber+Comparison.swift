extension JSONNumber: Equatable, Hashable, Comparable {
    /// Exact value equality: `1 == 1.0`, `1e2 == 100`, `-0 == 0`.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        compare(lhs, rhs) == 0
    }

    /// Exact value ordering (see the type's documentation for the value model).
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Hashes the nearest double, so numbers that compare equal hash equally.
    public func hash(into hasher: inout Hasher) {
        let value = double
        hasher.combine(value == 0 ? 0 : value)
    }

    /// Compares two numbers exactly: -1, 0 or 1.
    public static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        switch (lhs.storage, rhs.storage) {
        case (.int(let x), .int(let y)):
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.double(let x), .double(let y)):
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.int(let x), .double(let y)):
            return compare(x, y)
        case (.double(let x), .int(let y)):
            return -compare(y, x)
        case (.bigInt, .int):
            return lhs.isNegative ? -1 : 1
        case (.int, .bigInt):
            return rhs.isNegative ? 1 : -1
        case (.bigInt, .bigInt):
            return compareBig(lhs, rhs)
        case (.bigInt, .double(let y)):
            return compareBig(lhs, y)
        case (.double(let x), .bigInt):
            return -compareBig(rhs, x)
        }
    }

    /// Whether this number is a multiple of `divisor` (which must be positive),
    /// with exactly the semantics of Python `jsonschema`'s `multipleOf`:
    ///
    /// - integer divisor, integer value: exact remainder;
    /// - integer divisor, fractional value: `fmod` in doubles;
    /// - fractional divisor: the double quotient must be a whole number, falling
    ///   back to exact rational arithmetic when the quotient overflows.
    ///
    /// So `0.3` is *not* a multiple of `0.1` (the double quotient is
    /// 2.9999999999999996), matching the Python clients of this database.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        switch divisor.storage {
        case .double(let d):
            let quotient = double / d
            if quotient.isFinite { return quotient.rounded(.towardZero) == quotient }
            if quotient.isNaN || !d.isFinite { return false }
            guard let value = dyadic, let step = divisor.dyadic else { return false }
            return Dyadic.divides(step, value)
        case .int(let d):
            switch storage {
            case .int(let x): return x % d == 0
            case .bigInt: return BigUInt(decimalDigitsOf: literal).remainder(dividingBy: BigUInt(d.magnitude)).isZero
            case .double(let x): return x.truncatingRemainder(dividingBy: Double(d)) == 0
            }
        case .bigInt:
            switch storage {
            case .int(let x): return x == 0
            case .bigInt:
                let divisorMagnitude = BigUInt(decimalDigitsOf: divisor.literal)
                return BigUInt(decimalDigitsOf: literal).remainder(dividingBy: divisorMagnitude).isZero
            case .double(let x): return x.truncatingRemainder(dividingBy: divisor.double) == 0
            }
        }
    }

    /// The exact value as mantissa * 2^exponent with sign dropped, if finite.
    var dyadic: Dyadic? {
        switch storage {
        case .int(let x): return Dyadic(mantissa: BigUInt(x.magnitude), exponent: 0)
        case .bigInt: return Dyadic(mantissa: BigUInt(decimalDigitsOf: literal), exponent: 0)
        case .double(let x): return Dyadic(x)
        }
    }

    private static func compare(_ x: Int64, _ y: Double) -> Int {
        if y >= 9_223_372_036_854_775_808.0 { return -1 }
        if y < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = Int64(y.rounded(.towardZero))
        if x != whole { return x < whole ? -1 : 1 }
        let fraction = y - Double(whole)
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }

    private static func compareBig(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        let (l, r) = (lhs.isNegative, rhs.isNegative)
        if l != r { return l ? -1 : 1 }
        let magnitude = BigUInt(decimalDigitsOf: lhs.literal).compare(to: BigUInt(decimalDigitsOf: rhs.literal))
        return l ? -magnitude : magnitude
    }

    private static func compareBig(_ lhs: JSONNumber, _ y: Double) -> Int {
        if y.isInfinite { return y > 0 ? -1 : 1 }
        let negative = lhs.isNegative
        if y.magnitude < 9_223_372_036_854_775_808.0 || (y < 0) != negative { return negative ? -1 : 1 }
        let magnitude = BigUInt(decimalDigitsOf: lhs.literal).compare(to: Dyadic(y.magnitude)!.integerValue)
        return negative ? -magnitude : magnitude
    }
}
