"""The words of synthetic forms: templates that the answers fill with invented names, places and references.

Each template is a little longer than the rule it answers asks for, whatever is put in it, and
no longer: every copy is stored once in the form and again in each of its snapshots.
"""

# A line per theme: its code | what the threat does | an offence it commits carrying 7 years or more | its maximum.
_THEME_TABLE = """
child_sexual_abuse | the sexual exploitation of children | Arranging a child sex offence | 14 years
modern_slavery | the forced labour of trafficked workers | Holding a person in slavery | Life imprisonment
organised_immigration_crime | smuggling people into the UK | Assisting unlawful immigration | Life imprisonment
drugs_supply | the wholesale supply of class A drugs | Supplying a class A drug | Life imprisonment
county_lines | supplying crack cocaine and heroin along the line | Supplying a class A drug | Life imprisonment
firearms | the supply of converted firearms | Possessing a firearm with intent to endanger life | Life imprisonment
organised_acquisitive_crime | stealing high-value vehicles and plant | Burglary of a dwelling | 14 years
cyber_crime | ransomware attacks on local businesses | Unauthorised acts causing serious damage | 14 years
fraud | courier fraud against older people | Fraud by false representation | 10 years
money_laundering | laundering criminal cash through local businesses | Concealing criminal property | 14 years
bribery_corruption_sanctions | corrupting port and council staff | Bribing another person | 10 years
other | the extortion of local traders | Blackmail | 14 years
"""
THEMES = {theme: tuple(words) for theme, *words in (line.split(" | ") for line in _THEME_TABLE.strip().splitlines())}
EXPLOITING = {"child_sexual_abuse", "modern_slavery", "county_lines", "organised_immigration_crime"}
SUMMARIES = {
    "ocg": "The {name} is an organised crime group of {count} or more people led by {principal}, engaged in "
    "{activity} in {area} and beyond, with a settled structure, shared resources and offending that "
    "continues.",
    "priority_individual": "{principal} is engaged in {activity} in {area}, working with changing associates "
    "rather than a settled group; their reach, money and readiness to use others make "
    "them a serious and continuing threat.",
    "soc_vulnerability": "The {name} lets organised criminals carry on {activity} in {area}: checks are light, "
    "no one owns the risk and the intelligence shows several groups using it, more often "
    "each month.",
}
VULNERABILITY = (
    "Staff turnover at the {name} is high, vetting is light and nobody checks who uses it out of "
    "hours. {ref1} shows at least three groups exploiting it for {activity}, and no partner agency "
    "owns the risk."
)
ORGANISATION = {
    "planning": (
        "{principal} plans ahead: {ref1} describes premises rented in false names, phones and vehicles "
        "bought in advance and a fallback agreed in case a member is arrested.",
        "{ref2} records {principal} setting out the targets, premises and dates for the coming month, "
        "with money put aside to cover the losses and seizures expected.",
    ),
    "control": (
        "{principal} controls the group through {lieutenant}, who passes on orders and collects the "
        "proceeds; {ref1} shows members punished for acting without permission.",
        "Members act on orders from {principal} alone: {ref2} describes the proceeds handed over in full "
        "each week and a member who kept money back cut off within days.",
    ),
    "coordination": (
        "{lieutenant} arranges transport and premises while others do the work; {ref1} shows them "
        "acting together across {area} on the same days, on shared phones.",
        "Members coordinate on encrypted handsets: {ref2} shows their tasks timed so that no one of "
        "them holds both the proceeds and the evidence of the offending.",
    ),
    "decision_making": (
        "{principal} and {lieutenant} decide together at meetings in {area}; {ref1} records them "
        "agreeing who is trusted, what is paid and when to leave premises.",
        "{ref2} shows the group deciding together how to change its methods after arrests, with "
        "{principal} having the final word and every member told that evening.",
    ),
}
JUSTIFICATIONS = {
    "violence": "{ref1} records threats and assaults used to enforce debts and keep control of {activity}.",
    "financial_gain": "Financial intelligence puts the profit from {activity} at over £{amount},000 a year.",
    "common_purpose": "At least {count} people act together in {activity}, each with a settled part to play.",
    "first_offender": "{offence} carries up to {sentence}: a first offender would expect well over three years.",
}
MODUS = (
    "Hired vehicles and pay-as-you-go phones; premises change every few weeks and the proceeds move in cash.",
    "Run from short-let flats, in touch by messaging apps, with the proceeds paid into other people's accounts.",
)
INTELLIGENCE = (
    "{principal} seen at premises in {area} linked to the activity.",
    "Phones attributed to the group in contact before and after each incident.",
    "Cash and goods moved between members on the same day.",
    "A partner agency reports the same people using the site out of hours.",
)
CAPABILITY = (
    "{ref1} shows capability in {shown}, ready to be used against rivals, victims or anyone who helps the police."
)
RATIONALE = (
    "{principal} directs others and holds the contacts and money the offending depends on; removing "
    "them would disrupt {activity}."
)
LINKS = (
    "{ref} shows them working for {principal}: collecting money and passing on orders in {area}.",
    "Named in {ref} as one of the group, storing and moving goods for {lieutenant} on the same days.",
    "{ref} records them with {principal} at premises the group uses, on shared phones, more than once.",
)
NOT_KNOWN_REASON = "Enquiries with partners and financial investigators have not yet put a figure on it."
SEARCH_RESULT = "No record of the threat on the SOC master list or PND."
HARMS = {
    "physical": "Victims and rivals have been assaulted; two needed hospital treatment.",
    "psychological": "Victims live in fear of reprisals and will not support a prosecution.",
    "financial": "Victims have lost savings and local businesses have lost trade.",
    "community": "Residents report open offending, intimidation and damage near the premises used.",
}
NOTES = (
    "Since the return, further checks have confirmed this.",
    "New intelligence received after the return corroborates this.",
    "Added after the return: the latest intelligence supports this account.",
)
