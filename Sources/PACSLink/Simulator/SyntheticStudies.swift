import DICOMProtocol

/// A deterministic synthetic archive: `studies` studies of `seriesPerStudy` series of
/// `instancesPerSeries` instances, for the simulated PACS, the demo and the load rigs.
///
/// Everything derives from `seed`: the same parameters give the same patients, UIDs
/// (`UID.generate(using:)` fed by a `SeededGenerator`), dates and pixel values on every run
/// and platform, so a test or a benchmark can name an instance before the archive exists.
/// Studies are spread over `patientCount` patients (two studies each, the last maybe one).
/// Instances are CT Image Storage (modality CT) or Secondary Capture Image Storage
/// (modality OT) with a 16-bit monochrome pixel payload of about `pixelBytes` bytes (see
/// `SyntheticInstance`); their data sets are encoded only when asked for.
public struct SyntheticStudies: Equatable, Sendable {
    public var seed: UInt64
    public var studies: Int
    public var seriesPerStudy: Int
    public var instancesPerSeries: Int
    /// The wanted Pixel Data (7FE0,0010) length in bytes.
    public var pixelBytes: Int

    public init(seed: UInt64 = 1, studies: Int = 1, seriesPerStudy: Int = 1, instancesPerSeries: Int = 1, pixelBytes: Int = 512 * 512 * 2) {
        precondition(studies >= 0 && seriesPerStudy >= 0 && instancesPerSeries >= 0 && pixelBytes >= 0, "counts and sizes are not negative")
        self.seed = seed
        self.studies = studies
        self.seriesPerStudy = seriesPerStudy
        self.instancesPerSeries = instancesPerSeries
        self.pixelBytes = pixelBytes
    }

    public var patientCount: Int { (studies + 1) / 2 }
    public var instanceCount: Int { studies * seriesPerStudy * instancesPerSeries }

    /// The instance at these indices (each from 0).
    public func instance(study: Int, series: Int, instance: Int) -> SyntheticInstance {
        precondition(
            (0..<studies).contains(study) && (0..<seriesPerStudy).contains(series) && (0..<instancesPerSeries).contains(instance),
            "no such synthetic instance")
        return SyntheticInstance(archive: self, study: study, series: series, instance: instance)
    }

    /// Every instance, study by study, series by series.
    public var instances: [SyntheticInstance] {
        (0..<studies).flatMap { k in
            (0..<seriesPerStudy).flatMap { s in
                (0..<instancesPerSeries).map { i in SyntheticInstance(archive: self, study: k, series: s, instance: i) }
            }
        }
    }

    /// Indexes every instance into `database` (attributes only; pixels are made on demand).
    public func add(to database: inout StudyDatabase) {
        for k in 0..<studies {
            for s in 0..<seriesPerStudy {
                let series = seriesAttributes(k, s)
                for i in 0..<instancesPerSeries {
                    let instance = SyntheticInstance(archive: self, study: k, series: s, instance: i)
                    // Synthetic instances always carry every unique key, so indexing cannot fail.
                    try! database.add(instance.attributes(extending: series), source: .synthetic(instance))
                }
            }
        }
    }

    /// A database holding exactly this archive.
    public func makeDatabase() -> StudyDatabase {
        var database = StudyDatabase()
        add(to: &database)
        return database
    }
}
