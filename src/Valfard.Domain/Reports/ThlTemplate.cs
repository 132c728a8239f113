namespace Valfard.Domain.Reports;

/// <summary>
/// THL's recommended structure for a welfare report, with guidance on what each part should answer. Written for
/// Valfard from the structure THL recommends; organisations adapt it in their own template.
/// </summary>
public static class ThlTemplate
{
    private sealed record Part(string TitleFi, string TitleSv, string GuidanceFi, string GuidanceSv, Part[]? Children = null,
        SectionPurpose Purpose = SectionPurpose.Text);

    private static readonly Part[] Parts =
    [
        new("Tiivistelmä", "Sammanfattning",
            "Kirjoita tämä luku viimeisenä. Kerro lyhyesti väestön hyvinvoinnin tärkeimmät muutokset, suurimmat ilon ja huolen aiheet sekä valtuustokauden painopisteet. Tiivistelmän pitää toimia yksinään: moni päättäjä lukee vain sen.",
            "Skriv det här avsnittet sist. Berätta kort om de viktigaste förändringarna i befolkningens välfärd, de största glädjeämnena och orosmomenten och fullmäktigeperiodens prioriteringar. Sammanfattningen ska fungera på egen hand: många beslutsfattare läser bara den."),
        new("Tausta, tarkoitus ja tavoitteet", "Bakgrund, syfte och mål",
            "Kuvaa kunnan hyvinvointipolitiikka ja -johtaminen: miten hyvinvoinnin ja terveyden edistäminen näkyy kuntastrategiassa, kuka kertomuksen valmisteli (hyvinvointiryhmä), mitä resursseja työhön käytettiin, miten päätösten vaikutuksia arvioidaan ennakkoon (ennakkoarviointi) ja miten kunta tekee yhteistyötä hyvinvointialueen, järjestöjen ja seurakuntien kanssa.",
            "Beskriv kommunens välfärdspolitik och ledning: hur främjandet av välfärd och hälsa syns i kommunstrategin, vem som beredde berättelsen (välfärdsgruppen), vilka resurser arbetet fick, hur besluts konsekvenser bedöms på förhand (förhandsbedömning) och hur kommunen samarbetar med välfärdsområdet, organisationer och församlingar."),
        new("Väestön hyvinvointi, terveys ja palvelut", "Befolkningens välfärd, hälsa och tjänster",
            "Kuvaa väestön hyvinvointia ja terveyttä elämänvaiheittain ja teemoittain. Kerro, mitä indikaattorit kertovat ja miten kehitys eroaa hyvinvointialueen ja koko maan tilanteesta. Nosta esiin väestöryhmien väliset erot ja se, miten palvelut vastaavat tarpeisiin. Kerro palvelujärjestelmän muutoksista ja lisää lukuun lohko ”Vuoden vaikutusten ennakkoarvioinnit”, joka listaa vuoden aikana valmistuneet ja päätetyt arvioinnit.",
            "Beskriv befolkningens välfärd och hälsa per livsskede och tema. Berätta vad indikatorerna visar och hur utvecklingen skiljer sig från välfärdsområdet och hela landet. Lyft fram skillnader mellan befolkningsgrupper och hur tjänsterna svarar mot behoven. Berätta om förändringar i servicesystemet och lägg till blocket ”Årets förhandsbedömningar av konsekvenser”, som listar de bedömningar som blev klara eller beslutades under året.",
            [
                new("Lapset ja lapsiperheet", "Barn och barnfamiljer",
                    "Katso esimerkiksi lastensuojelun avohuollon asiakkaat, varhaiskasvatukseen osallistuminen, lapsiperheiden toimeentulo ja kouluterveyskyselyn tulokset alakouluikäisistä. Miten perheiden arki sujuu ja missä tarvitaan tukea aiemmin?",
                    "Se till exempel på klienter inom barnskyddets öppenvård, deltagande i småbarnspedagogik, barnfamiljers utkomst och resultaten från enkäten Hälsa i skolan för lågstadiet. Hur fungerar familjernas vardag och var behövs stöd tidigare?"),
                new("Nuoret", "Unga",
                    "Katso esimerkiksi koulutuksen ulkopuolelle jääneet 17–24-vuotiaat, nuorten ahdistuneisuus, yksinäisyys ja harrastaminen kouluterveyskyselyssä sekä nuorisotyöttömyys. Mitkä asiat kantavat nuoria ja mitkä huolestuttavat?",
                    "Se till exempel på unga 17–24 år utanför utbildning, ungas ångest, ensamhet och fritidsintressen i Hälsa i skolan samt ungdomsarbetslösheten. Vad ger de unga styrka och vad oroar dem?"),
                new("Työikäiset", "Personer i arbetsför ålder",
                    "Katso esimerkiksi pitkäaikaistyöttömät, toimeentulotukea saaneet 25–64-vuotiaat, sairastavuusindeksi sekä alkoholin ja tupakan käyttö. Miten työllisyys, toimeentulo ja terveys kytkeytyvät toisiinsa kunnassa?",
                    "Se till exempel på långtidsarbetslösa, personer 25–64 år som fått utkomststöd, sjuklighetsindex samt bruket av alkohol och tobak. Hur hänger sysselsättning, utkomst och hälsa ihop i kommunen?"),
                new("Ikääntyneet", "Äldre",
                    "Katso esimerkiksi kotona asuvien 75 vuotta täyttäneiden osuus, kaatumisiin liittyvät hoitojaksot, muistisairaudet sekä ikääntyneiden yksinäisyys ja liikkuminen. Miten kunnan ympäristö ja palvelut tukevat kotona asumista?",
                    "Se till exempel på andelen 75 år fyllda som bor hemma, vårdperioder efter fall, minnessjukdomar samt äldres ensamhet och rörlighet. Hur stöder kommunens miljö och tjänster boende hemma?"),
                new("Koko väestö ja teemat", "Hela befolkningen och teman",
                    "Kuvaa koko väestöä koskevat teemat, kuten osallisuus, turvallisuus, liikkuminen, elinympäristö, kulttuuri ja ehkäisevä päihdetyö. Arvioi myös, miten ehkäisevä työ vaikuttaa kustannuksiin ja kunnan elinvoimaan.",
                    "Beskriv teman som gäller hela befolkningen, till exempel delaktighet, trygghet, motion, livsmiljö, kultur och förebyggande rusmedelsarbete. Bedöm också hur det förebyggande arbetet påverkar kostnaderna och kommunens livskraft."),
            ]),
        new("Vahvuudet ja kehittämiskohteet", "Styrkor och utvecklingsområden",
            "Kokoa hyvinvointiryhmän tunnistamat ilon ja huolen aiheet. Perustele jokainen huolen aihe indikaattoreilla tai muulla tiedolla ja kerro, ketä se koskee. Ilon ja huolen aiheet ovat suunnitelman tavoitteiden pohja.",
            "Samla de glädjeämnen och orosmoment som välfärdsgruppen har identifierat. Motivera varje orosmoment med indikatorer eller annan information och berätta vem det gäller. Glädjeämnena och orosmomenten är grunden för planens mål.",
            Purpose: SectionPurpose.JoysAndConcerns),
        new("Hyvinvointisuunnitelma", "Välfärdsplan",
            "Johda suunnitelma edellisen luvun johtopäätöksistä: mitkä asiat kunta valitsee valtuustokauden painopisteiksi ja miksi.",
            "Härled planen ur slutsatserna i föregående avsnitt: vilka frågor kommunen väljer som prioriteringar för fullmäktigeperioden och varför.",
            [
                new("Johtopäätökset", "Slutsatser",
                    "Kerro lyhyesti, mitkä ovat kertomuksen tärkeimmät johtopäätökset ja mihin väestöryhmiin tai teemoihin toimet kohdistetaan.",
                    "Berätta kort vilka berättelsens viktigaste slutsatser är och vilka befolkningsgrupper eller teman åtgärderna riktas mot."),
                new("Tavoitteet, toimenpiteet ja seurantaindikaattorit", "Mål, åtgärder och uppföljningsindikatorer",
                    "Kirjaa jokaiselle tavoitteelle toimenpiteet, vastuutahot, aikataulu, resurssit ja indikaattorit, joilla edistymistä seurataan. Tavoitteiden pitää olla sellaisia, että tarkastuslautakunta voi arvioida niiden toteutumista.",
                    "Ange för varje mål åtgärderna, de ansvariga, tidsplanen, resurserna och indikatorerna som följer upp framstegen. Målen ska vara sådana att revisionsnämnden kan bedöma om de nåtts.",
                    Purpose: SectionPurpose.WelfarePlan),
            ]),
        new("Liitteet", "Bilagor",
            "Liitä kertomuksen pohjana olleet muut suunnitelmat (esimerkiksi lasten ja nuorten hyvinvointisuunnitelma, ikääntyneiden suunnitelma, tasa-arvosuunnitelma, turvallisuussuunnitelma) sekä luettelo vähimmäistietosisällön indikaattoreista, joita ei käytetty, perusteluineen.",
            "Bifoga de andra planer som berättelsen bygger på (till exempel välfärdsplanen för barn och unga, planen för äldre, jämställdhetsplanen, säkerhetsplanen) samt en förteckning över de indikatorer i minimidatainnehållet som inte användes, med motivering.",
            Purpose: SectionPurpose.Appendices),
    ];

    /// <summary>Fills an empty template with THL's structure.</summary>
    public static void ApplyTo(ReportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (var part in Parts)
        {
            var section = template.AddSection(null, part.TitleFi, part.TitleSv, part.GuidanceFi, part.GuidanceSv, part.Purpose);
            foreach (var child in part.Children ?? [])
            {
                template.AddSection(section.Id, child.TitleFi, child.TitleSv, child.GuidanceFi, child.GuidanceSv, child.Purpose);
            }
        }
    }
}
