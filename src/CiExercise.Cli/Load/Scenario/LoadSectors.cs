using CiExercise.Contracts.Scenarios;

namespace CiExercise.Cli.Load.Scenario;

/// <summary>The 15 critical-infrastructure sectors and the ministry each reports to, as in the national exercise.</summary>
internal static class LoadSectors
{
    public static readonly Sector[] All = Enum.GetValues<Sector>().Take(15).ToArray();

    public static readonly (string Id, string Ja, string En)[] Ministries =
    [
        ("mic", "総務省", "Ministry of Internal Affairs and Communications"),
        ("fsa", "金融庁", "Financial Services Agency"),
        ("mlit", "国土交通省", "Ministry of Land, Infrastructure, Transport and Tourism"),
        ("meti", "経済産業省", "Ministry of Economy, Trade and Industry"),
        ("cas", "内閣官房", "Cabinet Secretariat"),
        ("mhlw", "厚生労働省", "Ministry of Health, Labour and Welfare"),
    ];

    public static string MinistryOf(Sector sector) => sector switch
    {
        Sector.InformationCommunications => "mic",
        Sector.Finance => "fsa",
        Sector.Aviation or Sector.Airports or Sector.Railways or Sector.Logistics or Sector.Ports => "mlit",
        Sector.ElectricPower or Sector.Gas or Sector.Chemicals or Sector.Petroleum or Sector.CreditCards => "meti",
        Sector.Government => "cas",
        _ => "mhlw",
    };

    public static string Kebab(Sector sector) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(sector.ToString());

    public static string Japanese(Sector sector) => sector switch
    {
        Sector.InformationCommunications => "情報通信",
        Sector.Finance => "金融",
        Sector.Aviation => "航空",
        Sector.Airports => "空港",
        Sector.Railways => "鉄道",
        Sector.ElectricPower => "電力",
        Sector.Gas => "ガス",
        Sector.Government => "政府・行政サービス",
        Sector.Medical => "医療",
        Sector.Water => "水道",
        Sector.Logistics => "物流",
        Sector.Chemicals => "化学",
        Sector.CreditCards => "クレジット",
        Sector.Petroleum => "石油",
        _ => "港湾",
    };
}
