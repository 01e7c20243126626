namespace CiExercise.Contracts.Scenarios;

/// <summary>
/// The 15 critical-infrastructure sectors, then the bodies that play beside them.
/// In scenario files each is written in kebab case (ElectricPower is "electric-power").
/// </summary>
public enum Sector
{
    InformationCommunications,
    Finance,
    Aviation,
    Airports,
    Railways,
    ElectricPower,
    Gas,
    Government,
    Medical,
    Water,
    Logistics,
    Chemicals,
    CreditCards,
    Petroleum,
    Ports,
    NationalCentre,
    Ministry,
    Ceptoar,
    Agency,
    Vendor,
}
