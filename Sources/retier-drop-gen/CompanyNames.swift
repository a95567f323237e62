/// Realistic, deterministic company names and industries for generated accounts.
enum CompanyNames {
  /// Industry labels for the `industry` column (a column the contract does not know, so
  /// readers must ignore it). Some hold commas, so they are written quoted.
  static let industries = [
    "Manufacturing", "Healthcare", "Retail", "Logistics, Freight & Rail", "Financial Services",
    "Software", "Education", "Energy & Utilities", "Hospitality", "Media, Publishing",
    "Public Sector", "Telecommunications", "Construction", "Agriculture", "Life Sciences",
  ]

  private static let stems = [
    "Northwind", "Acme", "Contoso", "Fabrikam", "Globex", "Initech", "Vandelay", "Tailspin",
    "Wingtip", "Litware", "Proseware", "Adatum", "Lakeshore", "Blue Yonder", "Coho", "Alpine",
    "Woodgrove", "Margie's", "Trey", "Humongous", "Southridge", "Fourth Coffee", "Graphic",
    "Kestrel", "Orchid Bay", "Pinecrest", "Redwood", "Silverline", "Granite Peak", "Harborview",
    "Bluewater", "Copperfield", "Ironbridge", "Juniper", "Maplewood", "Northstar", "Oakridge",
    "Pioneer", "Quantum", "Riverbend", "Sagebrush", "Summit", "Tidewater", "Upland", "Vertex",
    "Westbrook", "Yellowstone", "Zephyr", "Aurora", "Beacon", "Cobalt", "Driftwood", "Evergreen",
    "Foxglove", "Helios", "Lumen", "Meridian", "Nimbus", "Osprey", "Polaris",
  ]

  private static let sectors = [
    "Logistics", "Robotics", "Analytics", "Health", "Foods", "Freight", "Dental Group",
    "Hotels", "Aerospace", "Biotech", "Capital", "Clinics", "Energy", "Engineering", "Farms",
    "Insurance", "Labs", "Learning", "Media", "Motors", "Networks", "Outfitters", "Pharma",
    "Power", "Realty", "Retail", "Seafoods", "Software", "Solar", "Steelworks", "Systems",
    "Telecom", "Textiles", "Travel", "Utilities", "Ventures", "Water", "Wireless", "Materials",
    "Brewing",
  ]

  private static let legalForms = [
    "", "", "", " Inc.", " LLC", " Ltd", " GmbH", " AG", " S.A.", " B.V.", " AB", " Pty Ltd",
    " plc", " SAS", " Co.", ", Inc.",
  ]

  /// A plausible company name, e.g. `Northwind Logistics GmbH`.
  static func next(random: inout DropRandom) -> String {
    random.element(of: stems) + " " + random.element(of: sectors)
      + random.element(of: legalForms)
  }
}
