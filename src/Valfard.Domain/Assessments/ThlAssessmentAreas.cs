namespace Valfard.Domain.Assessments;

/// <summary>
/// The areas THL's guidance on impact assessment in advance names, with guiding questions in Finnish and Swedish,
/// plus the child impact area. An organisation's list starts from these the first time it is needed.
/// </summary>
public static class ThlAssessmentAreas
{
    public sealed record AreaSeed(string TitleFi, string TitleSv, string QuestionsFi, string QuestionsSv, bool ForChildren);

    public static IReadOnlyList<AreaSeed> All { get; } =
    [
        new("Elinympäristö", "Livsmiljö",
            "Miten päätös vaikuttaa yhdyskuntarakenteeseen ja palvelujen saavutettavuuteen?\nMiten se vaikuttaa liikenteeseen, kulkemisen turvallisuuteen ja matkojen pituuteen?\nMuuttuuko ympäristön viihtyisyys, melu tai ilmanlaatu?",
            "Hur påverkar beslutet samhällsstrukturen och hur lätt det är att nå tjänsterna?\nHur påverkar det trafiken, trafiksäkerheten och resornas längd?\nFörändras trivseln, bullret eller luftkvaliteten i miljön?",
            false),
        new("Elinolot", "Levnadsförhållanden",
            "Miten päätös vaikuttaa asumiseen ja asuinalueiden eriytymiseen?\nMiten se vaikuttaa työllisyyteen, työoloihin ja koulutukseen?\nMuuttuvatko asukkaiden kustannukset?",
            "Hur påverkar beslutet boendet och segregeringen mellan bostadsområden?\nHur påverkar det sysselsättningen, arbetsförhållandena och utbildningen?\nFörändras invånarnas kostnader?",
            false),
        new("Perheiden hyvinvointi", "Familjernas välfärd",
            "Miten päätös vaikuttaa perheiden toimeentuloon ja arjen sujumiseen?\nMiten se vaikuttaa perheiden saamaan tukeen ja yhteisöllisyyteen?\nKohdistuuko vaikutus erityisesti yksinhuoltajiin tai pienituloisiin perheisiin?",
            "Hur påverkar beslutet familjernas utkomst och vardag?\nHur påverkar det stödet till familjerna och gemenskapen?\nRiktar sig konsekvensen särskilt till ensamförsörjare eller familjer med låga inkomster?",
            false),
        new("Terveyttä edistävät elintavat", "Hälsofrämjande levnadsvanor",
            "Miten päätös vaikuttaa liikkumiseen ja harrastamisen mahdollisuuksiin?\nMiten se vaikuttaa päihteiden käytön ehkäisyyn?\nTukeeko se kunnan omia hyvinvoinnin painopisteitä?",
            "Hur påverkar beslutet möjligheterna att röra på sig och ha fritidsintressen?\nHur påverkar det förebyggandet av missbruk?\nStöder det kommunens egna prioriteringar för välfärden?",
            false),
        new("Palvelujärjestelmä", "Servicesystemet",
            "Miten päätös vaikuttaa palvelujen toimivuuteen ja laatuun?\nMiten se vaikuttaa palvelujen saatavuuteen ja saavutettavuuteen eri väestöryhmille?\nSiirtyykö kustannuksia tai kysyntää muihin palveluihin, esimerkiksi hyvinvointialueelle?",
            "Hur påverkar beslutet tjänsternas funktion och kvalitet?\nHur påverkar det tillgången till tjänsterna och hur lätt olika befolkningsgrupper når dem?\nFlyttas kostnader eller efterfrågan till andra tjänster, till exempel till välfärdsområdet?",
            false),
        new("Lapsivaikutukset", "Konsekvenser för barn",
            "Kuultiinko lapsia ja nuoria, ja miten heidän näkemyksensä otettiin huomioon?\nToteutuuko lapsen etu kaikissa vaihtoehdoissa?\nMiten päätös vaikuttaa lasten arkeen, turvallisuuteen ja koulumatkoihin?\nKohdistuuko vaikutus eri tavoin eri-ikäisiin tai haavoittuvassa asemassa oleviin lapsiin?",
            "Hördes barn och unga, och hur beaktades deras synpunkter?\nTillgodoses barnets bästa i alla alternativ?\nHur påverkar beslutet barnens vardag, trygghet och skolvägar?\nPåverkas barn i olika åldrar eller i utsatt ställning på olika sätt?",
            true),
    ];

    public static List<AssessmentArea> For(Guid organisationId)
    {
        var areas = new List<AssessmentArea>();
        for (var i = 0; i < All.Count; i++)
        {
            var seed = All[i];
            var area = new AssessmentArea(Guid.NewGuid(), organisationId, i, seed.ForChildren);
            area.Update(seed.TitleFi, seed.TitleSv, seed.QuestionsFi, seed.QuestionsSv, seed.ForChildren);
            areas.Add(area);
        }
        return areas;
    }
}
