// Words plans use for each canonical population and project (docs/domain.md §3).
// Order inside a list does not matter: the regexes built from these tables
// try longer words first, so 农民工 is not read as 农民 and 城镇劳动者 not as 城镇居民.

import type { Population, Project } from '../model';

/** Words that name a population outright: safe in a section label or a task title. */
export const POPULATION_WORDS: Record<Population, string[]> = {
  青少年: ['青少年', '未成年人'],
  农民: ['农民', '农牧民', '高素质农民'],
  产业工人: ['产业工人', '城镇劳动者', '农民工', '职工'],
  老年人: ['老年人', '银龄', '老年', '助老', '养老'],
  领导干部和公务员: ['领导干部和公务员', '领导干部', '公务员'],
  城镇居民: ['城镇居民', '城市居民', '社区居民'],
};

/**
 * Extra words that only count in long content, where a population must also
 * dominate the others before it is chosen (a task can mention 青少年 in passing).
 */
export const POPULATION_CONTENT_WORDS: Record<Population, string[]> = {
  青少年: ['中小学', '学生', '科技教师', '校园'],
  农民: ['农村', '乡村', '农业'],
  产业工人: ['工人', '劳动者', '工匠', '技能人才', '企业家'],
  老年人: ['老龄'],
  领导干部和公务员: ['干部'],
  城镇居民: ['居民', '市民'],
};

/** Words that name a project (工程), current outline first, then 2016–2020 names. */
export const PROJECT_WORDS: Record<Project, string[]> = {
  科技资源科普化工程: ['科技资源科普化', '科技资源科普转化'],
  科普信息化提升工程: ['科普信息化'],
  科普基础设施工程: ['科普基础设施'],
  基层科普能力提升工程: ['基层科普能力'],
  科学素质国际交流合作工程: ['科学素质国际交流合作', '科学素质开放合作', '科学素质交流合作'],
  科普人才建设工程: ['科普人才建设', '科普人才队伍建设', '人才队伍建设'],
  科技教育与培训基础工程: ['科技教育与培训基础', '科学教育与培训基础', '科技教育、传播与普及基础', '科技教育培训基础'],
  社区科普益民工程: ['社区科普益民'],
  科普产业助力工程: ['科普产业助力'],
};
